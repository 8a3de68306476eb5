import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_KEYS } from "@/lib/settings";
import { SETTING_DEFS, settingGroups, settingsVersion } from "@/lib/settings-catalog";

describe("the settings catalog", () => {
  it("lists every setting but the demo flag, once, and accepts each install default", () => {
    const keys = SETTING_DEFS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(
      Object.values(SETTING_KEYS)
        .filter((k) => k !== SETTING_KEYS.demo)
        .sort(),
    );
    for (const def of SETTING_DEFS) expect(def.schema.safeParse(DEFAULT_SETTINGS[def.key]).success, def.key).toBe(true);
  });

  it.each([
    [SETTING_KEYS.registrationSlaBusinessDays, 0],
    [SETTING_KEYS.registrationSlaBusinessDays, 2.5],
    [SETTING_KEYS.registrationSlaBusinessDays, null],
    [SETTING_KEYS.partnerSourcedQuotaShare, 1.5],
    [SETTING_KEYS.conflictSlaBusinessDays, [2, 3, 5]],
    [SETTING_KEYS.partnerMarginPctByTier, { PLATINUM: 30, GOLD: 25, SILVER: 120, REGISTERED: 15 }],
    [SETTING_KEYS.cosellSpiffBands, [{ minAcvCents: 100, spiffCents: 5 }]],
    [
      SETTING_KEYS.cosellSpiffBands,
      [
        { minAcvCents: 0, spiffCents: 5 },
        { minAcvCents: 0, spiffCents: 6 },
      ],
    ],
  ])("refuses %s = %j", (key, value) => {
    const def = SETTING_DEFS.find((d) => d.key === key)!;
    expect(def.schema.safeParse(value).success).toBe(false);
  });

  it("groups keep the catalog's order; the version changes with any value", () => {
    expect(settingGroups().flatMap((g) => g.defs)).toEqual([...SETTING_DEFS]);
    const a = settingsVersion(DEFAULT_SETTINGS);
    expect(settingsVersion({ ...DEFAULT_SETTINGS })).toBe(a);
    expect(settingsVersion({ ...DEFAULT_SETTINGS, [SETTING_KEYS.dormantDays]: 61 })).not.toBe(a);
  });
});
