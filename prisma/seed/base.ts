// Reference data a production install needs too (docs/domain.md#demo-data): regions and their countries, the
// default rules of engagement (lib/rules/default-rule-set.ts) as published rule set version 1, segments and settings.
// Idempotent: rows that already exist are left alone, so it runs on every start-up.
import type { Db, Tx } from "../../lib/db/connect";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { transaction } from "../../lib/db/transaction";
import { DEFAULT_RULE_SET } from "../../lib/rules";
import { isUniqueViolation } from "./errors";
import { seedId } from "./ids";
import { DEFAULT_SETTINGS, REGIONS, SEGMENTS } from "./reference";
import { ruleRows, ruleSetId } from "./routing";
import { addDays, quarterStart } from "./time";

export interface SeedBaseResult {
  regions: number;
  countries: number;
  ruleSets: number;
  segments: number;
  settings: number;
}

/**
 * When the default rule set took effect: the start of the quarter two years before `now`, so every
 * deal of the demo history was decided under it.
 */
function defaultRuleSetEffectiveFrom(now: Date): Date {
  return quarterStart(now, -8);
}

function regionId(code: string): string {
  return seedId(`rgn${code.toLowerCase().replace(/[^a-z]/g, "")}`, 1);
}

async function seedRegions(tx: Tx): Promise<Pick<SeedBaseResult, "regions" | "countries">> {
  const existing = await tx.region.findMany({ select: { id: true, code: true } });
  const idByCode = new Map(existing.map((r) => [r.code, r.id]));
  const missing = REGIONS.filter((r) => !idByCode.has(r.code));
  const regions = missing.map((r) => ({
    id: regionId(r.code),
    code: r.code,
    name: r.name,
    directPresence: r.directPresence,
  }));
  if (regions.length) await tx.region.createMany({ data: regions });
  for (const r of regions) idByCode.set(r.code, r.id);

  // A country already mapped (possibly moved to another region by an admin) keeps its mapping.
  const mapped = new Set((await tx.regionCountry.findMany({ select: { country: true } })).map((c) => c.country));
  const countries = REGIONS.flatMap((r) =>
    r.countries.filter((c) => !mapped.has(c)).map((country) => ({ country, regionId: idByCode.get(r.code)! })),
  );
  if (countries.length) await tx.regionCountry.createMany({ data: countries });
  return { regions: regions.length, countries: countries.length };
}

async function seedDefaultRuleSet(tx: Tx, now: Date): Promise<number> {
  if (await tx.ruleSet.findUnique({ where: { version: DEFAULT_RULE_SET.version }, select: { id: true } })) return 0;
  const effectiveFrom = defaultRuleSetEffectiveFrom(now);
  const { rationale, ...outcome } = DEFAULT_RULE_SET.defaultOutcome;
  await tx.ruleSet.create({
    data: {
      id: ruleSetId(DEFAULT_RULE_SET.version),
      version: DEFAULT_RULE_SET.version,
      status: "PUBLISHED",
      effectiveFrom,
      changeNote: "Default rules of engagement (installed with Accord).",
      defaultOutcome: { ...outcome, rationale: rationale ?? "" },
      publishedAt: addDays(effectiveFrom, -7),
      createdAt: addDays(effectiveFrom, -14),
      updatedAt: addDays(effectiveFrom, -7),
    },
  });
  await tx.rule.createMany({ data: ruleRows(DEFAULT_RULE_SET, DEFAULT_RULE_SET.version) });
  return 1;
}

async function seedSegments(tx: Tx, now: Date): Promise<number> {
  const names = new Set((await tx.segment.findMany({ select: { name: true } })).map((s) => s.name));
  const at = addDays(defaultRuleSetEffectiveFrom(now), -14);
  const data = SEGMENTS.map((s, i) => ({ s, id: seedId("seg", i + 1) }))
    .filter(({ s }) => !names.has(s.name))
    .map(({ s, id }) => ({
      id,
      name: s.name,
      description: s.description,
      criteria: s.criteria as Prisma.InputJsonValue,
      createdAt: at,
      updatedAt: at,
    }));
  if (data.length) await tx.segment.createMany({ data });
  return data.length;
}

async function seedSettings(tx: Tx): Promise<number> {
  const keys = new Set((await tx.appSetting.findMany({ select: { key: true } })).map((s) => s.key));
  const data = Object.entries(DEFAULT_SETTINGS)
    .filter(([key]) => !keys.has(key))
    .map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue }));
  if (data.length) await tx.appSetting.createMany({ data });
  return data.length;
}

/**
 * Seeds the reference data; safe to run again (returns how many rows of each kind it added).
 * Several instances starting at once may race: the loser hits a unique key, and its retry then
 * finds the winner's rows and adds nothing.
 */
export async function seedBase(db: Db, options: { now?: Date } = {}): Promise<SeedBaseResult> {
  const now = options.now ?? new Date();
  try {
    return await seedBaseOnce(db, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return seedBaseOnce(db, now);
  }
}

function seedBaseOnce(db: Db, now: Date): Promise<SeedBaseResult> {
  return transaction(
    db,
    async (tx) => {
      const { regions, countries } = await seedRegions(tx);
      const ruleSets = await seedDefaultRuleSet(tx, now);
      const segments = await seedSegments(tx, now);
      const settings = await seedSettings(tx);
      return { regions, countries, ruleSets, segments, settings };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
