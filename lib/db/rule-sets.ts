// Rule sets (docs/domain.md#rules-of-engagement): reads scoped by caller (partners see published versions only, never
// drafts), and the engine's view of the rule set in force at a claim time. Writes live in
// rule-set-writes.ts.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { ruleSetInForce, type RuleSet } from "@/lib/rules";
import { db, sql } from "./client";
import type { Tx } from "./connect";
import { asDateOrNull, asJson, type Selected } from "./sql";
import { engineRuleSet } from "./rule-set-mapping";
import { paginate, scalar, type Page } from "./pagination";
import { ruleSetScope } from "./scope";
import type { RuleSetListQuery } from "@/lib/validation/lists";
import type { Prisma } from "./generated/sqlite/client";

const summarySelect = {
  id: true,
  version: true,
  status: true,
  effectiveFrom: true,
  effectiveTo: true,
  changeNote: true,
  publishedAt: true,
  updatedAt: true,
  lockVersion: true,
  author: { select: { name: true } },
  publisher: { select: { name: true } },
  _count: { select: { rules: true } },
} satisfies Prisma.RuleSetSelect;

export type RuleSetSummary = Prisma.RuleSetGetPayload<{ select: typeof summarySelect }>;

export async function listRuleSets(ctx: Ctx): Promise<RuleSetSummary[]> {
  if (!can(ctx, "ruleset:read")) throw forbidden();
  return db.ruleSet.findMany({ where: ruleSetScope(ctx), select: summarySelect, orderBy: { version: "desc" } });
}

export type VersionRef = { id: string; version: number };
export type RuleSetListRow = RuleSetSummary & { previous: VersionRef | null };

/** The previous published (or retired) version below each row, to compare with: one indexed
 *  lookup per row of the page, so it holds however many versions lie between them. */
async function withPrevious(ctx: Ctx, rows: RuleSetSummary[]): Promise<RuleSetListRow[]> {
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      previous: await db.ruleSet.findFirst({
        where: { AND: [ruleSetScope(ctx), { status: { not: "DRAFT" } }, { version: { lt: row.version } }] },
        select: { id: true, version: true },
        orderBy: { version: "desc" },
      }),
    })),
  );
}

/** The versions list (/rules): keyset pages by version, filtered by stored status. */
export async function listRuleSetPage(ctx: Ctx, q: RuleSetListQuery): Promise<Page<RuleSetListRow>> {
  if (!can(ctx, "ruleset:read")) throw forbidden();
  const where: Prisma.RuleSetWhereInput = { AND: [ruleSetScope(ctx), q.status ? { status: q.status } : {}] };
  const page = await paginate<RuleSetSummary, Prisma.RuleSetWhereInput, Prisma.RuleSetOrderByWithRelationInput>(
    (args) =>
      db.ruleSet.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: summarySelect,
      }),
    (take) => db.ruleSet.count({ where, take }),
    {
      list: "rule-sets",
      ctx,
      sort: q.sort,
      column: scalar(),
      dir: q.dir ?? "desc",
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
  return { ...page, items: await withPrevious(ctx, page.items) };
}

/** The newest version the caller may see (a new draft copies it when nothing is in force). */
export async function findNewestRuleSet(ctx: Ctx): Promise<(VersionRef & { status: string }) | null> {
  if (!can(ctx, "ruleset:read")) throw forbidden();
  return db.ruleSet.findFirst({
    where: ruleSetScope(ctx),
    select: { id: true, version: true, status: true },
    orderBy: { version: "desc" },
  });
}

const ruleSelect = {
  id: true,
  priority: true,
  name: true,
  conditions: true,
  route: true,
  leadRole: true,
  protectionDays: true,
  attributionCategory: true,
  rationale: true,
} as const;

export type RuleSetDetail = RuleSetSummary & { defaultOutcome: unknown; engine: RuleSet };

export async function findRuleSet(ctx: Ctx, id: string): Promise<RuleSetDetail | null> {
  if (!can(ctx, "ruleset:read")) throw forbidden();
  const row = await db.ruleSet.findFirst({
    where: { AND: [ruleSetScope(ctx), { id }] },
    select: { ...summarySelect, defaultOutcome: true, rules: { select: ruleSelect, orderBy: { priority: "asc" } } },
  });
  if (!row) return null;
  const { rules, ...rest } = row;
  return { ...rest, engine: engineRuleSet(row, rules) };
}

export async function getRuleSet(ctx: Ctx, id: string): Promise<RuleSetDetail> {
  const row = await findRuleSet(ctx, id);
  if (!row) throw notFound("Rule set");
  return row;
}

// Published rule sets never change (docs/domain.md#rules-of-engagement), so their engine form is cached per id for the
// life of the process; only the windows (effectiveFrom/To, which a later publish sets) are re-read.
const engineCache = new Map<string, RuleSet>();

async function engineFor(client: Tx, id: string, version: number, defaultOutcome: unknown): Promise<RuleSet> {
  const cached = engineCache.get(id);
  if (cached) return cached;
  const rules = await client.rule.findMany({
    where: { ruleSetId: id },
    select: ruleSelect,
    orderBy: { priority: "asc" },
  });
  const engine = engineRuleSet({ id, version, defaultOutcome }, rules);
  engineCache.set(id, engine);
  return engine;
}

export type InForce = { id: string; version: number; effectiveFrom: Date; effectiveTo: Date | null; engine: RuleSet };

type Window = {
  id: string;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
  defaultOutcome: unknown;
};

/**
 * The rule set in force at `at`: the published (or since retired) one whose window contains it —
 * grandfathering (docs/domain.md#rules-of-engagement); the choice is lib/rules/stickiness.ts. The one query for it: pages,
 * actions, the API, the dashboards and the registration hot path all call this, which is why it
 * reads in plain SQL (lib/db/sql.ts). Rule sets are readable by every role, so it takes no caller.
 */
export async function ruleSetInForceAt(at: Date): Promise<InForce | null> {
  const rows = await sql.session((s) =>
    s.all<Selected<"RuleSet", "id" | "version" | "status" | "effectiveFrom" | "effectiveTo" | "defaultOutcome">>(
      `SELECT "id", "version", "status", "effectiveFrom", "effectiveTo", "defaultOutcome" FROM "RuleSet" WHERE "status" <> 'DRAFT' AND "effectiveFrom" <= ?`,
      [at],
    ),
  );
  const windows: Window[] = rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    status: r.status,
    effectiveFrom: asDateOrNull(r.effectiveFrom),
    effectiveTo: asDateOrNull(r.effectiveTo),
    defaultOutcome: asJson(r.defaultOutcome),
  }));
  const chosen = ruleSetInForce(windows, at);
  if (!chosen || !chosen.effectiveFrom) return null;
  return {
    id: chosen.id,
    version: chosen.version,
    effectiveFrom: chosen.effectiveFrom,
    effectiveTo: chosen.effectiveTo,
    engine: await engineFor(db, chosen.id, chosen.version, chosen.defaultOutcome), // cached per published version
  };
}

/** The engine form of one rule set the caller may see (drafts are compiled fresh each time). */
export async function engineRuleSetFor(
  ctx: Ctx,
  id: string,
): Promise<{ engine: RuleSet; status: string; version: number }> {
  const row = await getRuleSet(ctx, id);
  return {
    engine: row.status === "DRAFT" ? row.engine : await engineFor(db, row.id, row.version, row.defaultOutcome),
    status: row.status,
    version: row.version,
  };
}

/**
 * The engine form of the rule set a stored decision was taken under, for rebuilding its trace in
 * plain language (lib/db/trace.ts). Decisions are taken under published sets, cached like the one in
 * force; a draft (tests, the explorer) is read afresh. Null when the set is gone.
 */
export async function engineOfDecision(ruleSetId: string): Promise<RuleSet | null> {
  const cached = engineCache.get(ruleSetId);
  if (cached) return cached;
  const row = await db.ruleSet.findUnique({
    where: { id: ruleSetId },
    select: { id: true, version: true, status: true, defaultOutcome: true },
  });
  if (!row) return null;
  if (row.status !== "DRAFT") return engineFor(db, row.id, row.version, row.defaultOutcome);
  const rules = await db.rule.findMany({ where: { ruleSetId }, select: ruleSelect, orderBy: { priority: "asc" } });
  return engineRuleSet(row, rules);
}
