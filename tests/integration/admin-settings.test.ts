// The settings page's writes on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// audited with before and after, read by the next request, validated per setting, and a form
// loaded before someone else saved is refused with 409 instead of overwriting their change.
import { describe, expect, it } from "vitest";
import { readSettingsForAdmin, saveSettings } from "@/lib/db/admin-settings";
import { db } from "@/lib/db/client";
import { getSetting } from "@/lib/db/settings";
import { SETTING_KEYS } from "@/lib/settings";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

const SLA = SETTING_KEYS.registrationSlaBusinessDays;

describe("settings", () => {
  it("a change is audited with before and after and read by the next request", async () => {
    const ops = await ctxFor("ops@accord.test");
    const loaded = await readSettingsForAdmin(ops);
    const before = loaded.values[SLA];
    expect(await getSetting<number>(SLA, db)).toBe(before);
    const result = await saveSettings(ops, { version: loaded.version, values: { [SLA]: 5 } });
    expect(result.changed).toEqual([SLA]);
    expect(await getSetting<number>(SLA, db)).toBe(5);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.update", entityId: SLA } });
    expect(event.before).toBe(before);
    expect(event.after).toBe(5);
    expect(event.actorId).toBe(ops.userId);
  });

  it("a stale form is a 409 and changes nothing", async () => {
    const ops = await ctxFor("ops@accord.test");
    const first = await readSettingsForAdmin(ops);
    const second = await readSettingsForAdmin(ops);
    await saveSettings(ops, { version: first.version, values: { [SETTING_KEYS.dormantDays]: 45 } });
    const events = await db.auditEvent.count({ where: { action: "settings.update" } });
    const stale = await errorOf(
      saveSettings(ops, { version: second.version, values: { [SETTING_KEYS.dormantDays]: 90 } }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(await getSetting<number>(SETTING_KEYS.dormantDays, db)).toBe(45);
    expect(await db.auditEvent.count({ where: { action: "settings.update" } })).toBe(events);
  });

  it("invalid values are refused with a message per setting, nothing written", async () => {
    const ops = await ctxFor("ops@accord.test");
    const loaded = await readSettingsForAdmin(ops);
    const error = await errorOf(
      saveSettings(ops, {
        version: loaded.version,
        values: {
          [SETTING_KEYS.handoffAcceptanceSlaBusinessDays]: 3,
          [SETTING_KEYS.maxProtectionExtensions]: -1,
          [SETTING_KEYS.cosellSpiffBands]: [
            { minAcvCents: 0, spiffCents: 50_000 },
            { minAcvCents: 0, spiffCents: 1 },
          ],
        },
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(
      [SETTING_KEYS.cosellSpiffBands, SETTING_KEYS.maxProtectionExtensions].sort(),
    );
    expect(await getSetting<number>(SETTING_KEYS.handoffAcceptanceSlaBusinessDays, db)).toBe(2);
  });

  it("is channel operations' alone", async () => {
    for (const email of ["pm@accord.test", "ae@accord.test", "ceo@accord.test", "alice@northwind.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(readSettingsForAdmin(ctx))).code).toBe("FORBIDDEN");
      expect((await errorOf(saveSettings(ctx, { version: "x", values: { [SLA]: 3 } }))).code).toBe("FORBIDDEN");
    }
  });
});
