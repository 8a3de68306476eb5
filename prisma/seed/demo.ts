// The deterministic demo company (docs/domain.md#demo-data). Planning is pure (the same `now` and reference data
// give the same rows); only loading the reference data and writing the rows touch the database.
import { hash } from "@node-rs/argon2";
import type { Db } from "../../lib/db/connect";
import { generateAccounts } from "./accounts";
import { generateAttributions } from "./attribution";
import { generateAudit } from "./audit";
import { ClaimBook } from "./claims";
import { generateConflicts } from "./conflicts";
import { generateDirectPipeline } from "./direct";
import { addDraftRuleSet } from "./draft-rule-set";
import { isUniqueViolation } from "./errors";
import { generateCouncil, generateMaturity, generateMdf } from "./governance";
import { seedForecastSnapshots } from "./forecast-snapshots";
import { seedHandoffs } from "./handoffs";
import { writeMdfProofs } from "./mdf-requests";
import { AccountPools } from "./matching";
import { Pipeline } from "./opportunities";
import { generateOpportunityWorkflow } from "./opportunity-workflow";
import { buildOrg } from "./org";
import { generatePartnerPipeline } from "./partner-pipeline";
import { DEMO_PASSWORD } from "./people";
import { applyPricingGuardrails } from "./pricing";
import { Random } from "./random";
import { SETTING_KEYS } from "./reference";
import { RegistrationDesk } from "./registrations";
import { type RuleSetInForce, Router, engineRuleSet } from "./routing";
import { addDays, maxDate, quarterStart } from "./time";
import { type RowCounts, type WriteResult, writeRows } from "./write";
import { type SeedRegion, type World, emptyRows, staffUser } from "./world";

/** Changing this label reshuffles the whole demo company; keep it unless that is the intent. */
const SEED_LABEL = "accord-demo-v1";

interface Reference {
  regions: SeedRegion[];
  /** country → region code */
  countries: Map<string, string>;
  ruleSets: RuleSetInForce[];
  /** The version a new rule set gets. */
  nextVersion: number;
}

async function loadReference(db: Db): Promise<Reference> {
  const regions = await db.region.findMany({ include: { countries: true }, orderBy: { code: "asc" } });
  const published = await db.ruleSet.findMany({
    where: { status: { in: ["PUBLISHED", "RETIRED"] }, effectiveFrom: { not: null } },
    include: { rules: { orderBy: { priority: "asc" } } },
    orderBy: { version: "asc" },
  });
  const latest = await db.ruleSet.aggregate({ _max: { version: true } });
  return {
    nextVersion: (latest._max.version ?? 0) + 1,
    regions: regions.map((r) => ({ id: r.id, code: r.code, directPresence: r.directPresence })),
    countries: new Map(regions.flatMap((r) => r.countries.map((c) => [c.country, r.code] as const))),
    ruleSets: published.map((rs) => ({
      id: rs.id,
      version: rs.version,
      status: rs.status,
      effectiveFrom: rs.effectiveFrom!,
      effectiveTo: rs.effectiveTo,
      engine: engineRuleSet(rs, rs.rules),
    })),
  };
}

/** Plans every row of the demo company. Pure: no database, no clock, no Math.random. */
function planDemo(reference: Reference, now: Date, passwordHash: string): World {
  const rows = emptyRows();
  const regions = new Map(reference.regions.map((r) => [r.code, r]));
  const regionOfCountry = new Map([...reference.countries].map(([country, code]) => [country, regions.get(code)!]));
  const earliestRuleSet = [...reference.ruleSets].sort(
    (a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime(),
  )[0];
  if (!earliestRuleSet) throw new Error("no published rule set: run seedBase first");
  // two years of history, but never before the first rules of engagement took effect
  const historyStart = maxDate(quarterStart(now, -8), earliestRuleSet.effectiveFrom);
  const router = new Router(reference.ruleSets, rows.decisions);
  const rng = new Random(SEED_LABEL);

  const org = buildOrg(rows, regions, passwordHash, addDays(historyStart, -60));
  const accounts = generateAccounts(rng.fork("accounts"), rows, regionOfCountry, org.aes, historyStart);
  const world: World = { now, historyStart, ...org, accounts, rows };

  const pools = new AccountPools(accounts);
  const claims = new ClaimBook();
  const pipeline = new Pipeline(world, router);
  generateDirectPipeline(rng.fork("direct"), world, pipeline, pools, claims);
  const desk = new RegistrationDesk(world, router, pipeline, pools, claims);
  generatePartnerPipeline(rng.fork("registrations"), world, desk);
  const cases = generateConflicts(rng.fork("conflicts"), world, { desk, pipeline, claims, pools });
  generateAttributions(world, pipeline.opportunities, cases);
  generateMdf(rng.fork("mdf"), world, pipeline.opportunities);
  generateMaturity(rng.fork("maturity"), world);
  generateCouncil(world);
  addDraftRuleSet(rows, router.inForce(now).engine, reference.nextVersion, staffUser(world, "ops").id, now);
  generateAudit(world, desk.registrations, cases);

  for (const opp of pipeline.opportunities) rows.opportunities.push(opp.row);
  generateOpportunityWorkflow(rng.fork("opportunity-workflow"), world, router);
  for (const reg of desk.registrations) rows.registrations.push(reg.row);
  rows.settings.push({ key: SETTING_KEYS.demo, value: true });
  applyPricingGuardrails(rows);
  return world;
}

export interface SeedDemoOptions {
  now?: Date;
  /** A precomputed argon2id hash of DEMO_PASSWORD (tests seeding several databases reuse one). */
  passwordHash?: string;
}

export interface SeedDemoResult {
  skipped: boolean;
  counts: Partial<RowCounts>;
  timings: { planMs: number; writeMs: number; tables: WriteResult["timings"] };
}

/** argon2id (the library's default algorithm, as lib/auth verifies), hashed once for all demo users. */
export function hashDemoPassword(): Promise<string> {
  return hash(DEMO_PASSWORD);
}

const SKIPPED: SeedDemoResult = { skipped: true, counts: {}, timings: { planMs: 0, writeMs: 0, tables: {} } };

async function demoLoaded(db: Db): Promise<boolean> {
  return (await db.appSetting.findUnique({ where: { key: SETTING_KEYS.demo } })) !== null;
}

/**
 * Seeds the demo company once. Skips when it is already loaded; refuses a database that already
 * has users, so demo data never mixes into a real install.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  if (await demoLoaded(db)) return SKIPPED;
  if ((await db.user.count()) > 0)
    throw new Error("Refusing to seed demo data into a database that already has users.");
  const passwordHash = options.passwordHash ?? (await hashDemoPassword());
  const started = performance.now();
  const world = planDemo(await loadReference(db), now, passwordHash);
  const planned = performance.now();
  let written: WriteResult;
  try {
    written = await writeRows(db, world.rows);
  } catch (error) {
    // another instance seeding the same database at the same moment won the race
    if (isUniqueViolation(error) && (await demoLoaded(db))) return SKIPPED;
    throw error;
  }
  await seedHandoffs(db, now);
  await seedForecastSnapshots(db, now);
  await writeMdfProofs(world.rows.mdfRequests);
  const { counts, timings } = written;
  return {
    skipped: false,
    counts,
    timings: {
      planMs: Math.round(planned - started),
      writeMs: Math.round(performance.now() - planned),
      tables: timings,
    },
  };
}
