// What the settings page (app/(app)/(staff)/admin/settings) shows and checks for each AppSetting of
// lib/settings.ts: its group, label, unit, default and validation. Pure: shared by the page, the
// server action and lib/db/admin-settings.ts, and unit-tested.
import { createHash } from "node:crypto";
import { z } from "zod";
import { DEFAULT_SETTINGS, SETTING_KEYS } from "./settings";

export type SettingKind = "int" | "fraction" | "int-list" | "pct-by-tier" | "bands";

export type SettingDef = {
  key: (typeof SETTING_KEYS)[Exclude<keyof typeof SETTING_KEYS, "demo">];
  group: string;
  label: string;
  unit: string;
  help: string;
  kind: SettingKind;
  /** labels of the parts of a list or map setting */
  parts?: readonly string[];
  schema: z.ZodType;
};

const int = (min: number, max: number, unit: string) =>
  z
    .number({ error: `Enter a whole number of ${unit}` })
    .int(`Enter a whole number of ${unit}`)
    .min(min, `At least ${min}`)
    .max(max, `At most ${max}`);

const TIERS = ["PLATINUM", "GOLD", "SILVER", "REGISTERED"] as const;

const bands = z
  .array(
    z.object({
      minAcvCents: z.number().int().min(0, "A band starts at $0 or more"),
      spiffCents: z.number().int().min(0, "A SPIFF is $0 or more").max(10_000_000, "At most $100,000"),
    }),
  )
  .min(1, "Keep at least one band")
  .max(10)
  .superRefine((list, ctx) => {
    if (list[0] && list[0].minAcvCents !== 0)
      ctx.addIssue({ code: "custom", message: "The first band starts at $0, so every deal falls in a band" });
    for (let i = 1; i < list.length; i++)
      if (list[i].minAcvCents <= list[i - 1].minAcvCents)
        ctx.addIssue({ code: "custom", message: "Each band starts above the one before it" });
  });

export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: SETTING_KEYS.registrationSlaBusinessDays,
    group: "Deal registration",
    label: "Review SLA",
    unit: "business days",
    help: "How long a partner manager has to approve or reject a submitted registration.",
    kind: "int",
    schema: int(1, 30, "business days"),
  },
  {
    key: SETTING_KEYS.maxProtectionExtensions,
    group: "Deal registration",
    label: "Maximum protection extensions",
    unit: "extensions",
    help: "How many times a partner may extend the protection of one registration.",
    kind: "int",
    schema: int(0, 10, "extensions"),
  },
  {
    key: SETTING_KEYS.dormantDays,
    group: "Deal registration",
    label: "Dormancy",
    unit: "days",
    help: "A protected registration without partner activity for this long is flagged dormant.",
    kind: "int",
    schema: int(7, 365, "days"),
  },
  {
    key: SETTING_KEYS.conflictSlaBusinessDays,
    group: "Conflicts",
    label: "Conflict SLA by level",
    unit: "business days",
    help: "How long each escalation level has to decide a conflict before it escalates.",
    kind: "int-list",
    parts: ["Level 1", "Level 2", "Level 3", "Level 4"],
    schema: z.array(int(1, 60, "business days")).length(4),
  },
  {
    key: SETTING_KEYS.partnerSourcedQuotaShare,
    group: "Attribution and pay",
    label: "AE quota credit on partner-sourced deals",
    unit: "% of ACV",
    help: "Share of a partner-sourced deal's ACV credited to the AE's quota; co-sell counts in full.",
    kind: "fraction",
    schema: z.number({ error: "Enter a percentage" }).min(0, "At least 0%").max(1, "At most 100%"),
  },
  {
    key: SETTING_KEYS.partnerMarginPctByTier,
    group: "Attribution and pay",
    label: "Partner margin by tier",
    unit: "% of ACV",
    help: "Margin a partner earns on the deals it sources, co-sells or transacts, by its tier.",
    kind: "pct-by-tier",
    parts: TIERS,
    schema: z.object(
      Object.fromEntries(TIERS.map((t) => [t, z.number({ error: "Enter a percentage" }).min(0).max(100)])),
    ),
  },
  {
    key: SETTING_KEYS.cosellSpiffBands,
    group: "Attribution and pay",
    label: "Co-sell SPIFF bands",
    unit: "$ per deal, by ACV",
    help: "The SPIFF paid per supported co-sell deal: each band applies from its minimum ACV.",
    kind: "bands",
    schema: bands,
  },
  {
    key: SETTING_KEYS.handoffAcceptanceSlaBusinessDays,
    group: "Hand-offs",
    label: "Acceptance SLA",
    unit: "business days",
    help: "How long a partner has to accept or decline a hand-off offer.",
    kind: "int",
    schema: int(1, 30, "business days"),
  },
  {
    key: SETTING_KEYS.forecastMinClosedDeals,
    group: "Forecast",
    label: "Minimum closed deals for a win rate",
    unit: "deals",
    help: "Below this many closed deals a category and stage use the stage's default win rate.",
    kind: "int",
    schema: int(1, 1000, "deals"),
  },
  {
    key: SETTING_KEYS.apiRateLimitPerMinute,
    group: "API and e-mail",
    label: "API rate limit",
    unit: "requests a minute per key",
    help: "0 turns the limit off.",
    kind: "int",
    schema: int(0, 100_000, "requests"),
  },
  {
    key: SETTING_KEYS.outboxRetryHours,
    group: "API and e-mail",
    label: "E-mail retry window",
    unit: "hours",
    help: "A failing e-mail is retried with growing pauses for this long, then marked failed.",
    kind: "int",
    schema: int(1, 168, "hours"),
  },
];

export const settingDefault = (key: string): unknown => DEFAULT_SETTINGS[key];

/** The groups of the page in order, each with its settings. */
export function settingGroups(): { group: string; defs: SettingDef[] }[] {
  const groups: { group: string; defs: SettingDef[] }[] = [];
  for (const def of SETTING_DEFS) {
    const found = groups.find((g) => g.group === def.group);
    if (found) found.defs.push(def);
    else groups.push({ group: def.group, defs: [def] });
  }
  return groups;
}

/** A fingerprint of the values a form was loaded with: a save whose fingerprint is stale is a 409. */
export function settingsVersion(values: Readonly<Record<string, unknown>>): string {
  const ordered = SETTING_DEFS.map((d) => [d.key, values[d.key] ?? null]);
  return createHash("sha256").update(JSON.stringify(ordered)).digest("hex").slice(0, 32);
}
