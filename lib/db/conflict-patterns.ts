// The grouped counts behind the conflict-pattern report (/conflicts/patterns), scoped to the
// cases the caller may read and counted in SQL: one GROUP BY per breakdown, and for the medians
// only the middle-ranked durations per level (window functions, SQLite ≥ 3.25 and PostgreSQL), so
// no query loads every case. The maths and the links are lib/conflicts/patterns.ts.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { buildPatternReport, type PatternReport, type PatternRows } from "@/lib/conflicts/patterns";
import type { Quarter } from "@/lib/dates/quarters";
import { forbidden } from "@/lib/errors";
import { PARTNER_TIERS } from "@/lib/rules";
import { CONFLICT_TYPES } from "@/lib/validation/lists";
import { sql } from "./client";
import type { Sql } from "./sql";

/**
 * The caller's conflicts in SQL, the same rows as conflictScope (lib/db/scope.ts) selects through
 * Prisma: every case for channel operations and executives, a partner manager's through the
 * partners it manages, an AE's where the AE is the direct party. tests/integration/conflict-patterns.test.ts
 * checks the two agree for each role.
 */
function scopeSql(ctx: Ctx): { text: string; params: unknown[] } {
  switch (ctx.role) {
    case "ADMIN":
    case "EXEC":
      return { text: "", params: [] };
    case "PARTNER_MANAGER":
      return {
        text:
          ` AND EXISTS (SELECT 1 FROM "ConflictParty" sp JOIN "Partner" spa ON spa."id" = sp."partnerId"` +
          ` WHERE sp."conflictId" = c."id" AND spa."managerId" = ?)`,
        params: [ctx.userId ?? ""],
      };
    case "AE":
      return {
        text: ` AND EXISTS (SELECT 1 FROM "ConflictParty" sp WHERE sp."conflictId" = c."id" AND sp."userId" = ?)`,
        params: [ctx.userId ?? ""],
      };
    case "PARTNER":
      return { text: " AND 1 = 0", params: [] };
  }
}

type Counted = { key: string | null; label?: string | null; count: unknown };
const counts = (rows: Counted[]) => rows.map((r) => ({ key: r.key, label: r.label ?? null, count: Number(r.count) }));

export type RuleCount = {
  ruleId: string | null;
  ruleName: string | null;
  priority: number | null;
  ruleSetId: string | null;
  ruleSetVersion: number | null;
  count: number;
};

/**
 * The cases matching `where` (over "Conflict" aliased c) per rule that routed the deal: the
 * opportunity's route decision when the case has an opportunity that was routed, else the decision of
 * its most recently submitted registration (the submission that opened it). A null rule is the default
 * outcome (no rule matched) or no decision. One grouped query; the council's top rules read it too
 * (lib/db/council-sql.ts).
 */
export async function ruleCounts(s: Sql, where: string, params: unknown[]): Promise<RuleCount[]> {
  const rows = await s.all<{
    ruleId: string | null;
    ruleName: string | null;
    priority: unknown;
    ruleSetId: string | null;
    ruleSetVersion: unknown;
    count: unknown;
  }>(
    `WITH routed AS (
       SELECT c."id",
         CASE WHEN o."routeDecisionId" IS NOT NULL THEN od."ruleId" ELSE (
           SELECT rd."ruleId" FROM "ConflictRegistration" x
           JOIN "DealRegistration" g ON g."id" = x."registrationId"
           JOIN "RouteDecision" rd ON rd."id" = g."routeDecisionId"
           WHERE x."conflictId" = c."id" ORDER BY g."submittedAt" DESC, g."id" DESC LIMIT 1
         ) END AS "ruleId"
       FROM "Conflict" c
       LEFT JOIN "Opportunity" o ON o."id" = c."opportunityId"
       LEFT JOIN "RouteDecision" od ON od."id" = o."routeDecisionId"
       WHERE ${where}
     )
     SELECT routed."ruleId" AS "ruleId", ru."name" AS "ruleName", ru."priority" AS "priority",
       ru."ruleSetId" AS "ruleSetId", rs."version" AS "ruleSetVersion", COUNT(*) AS "count"
     FROM routed LEFT JOIN "Rule" ru ON ru."id" = routed."ruleId" LEFT JOIN "RuleSet" rs ON rs."id" = ru."ruleSetId"
     GROUP BY routed."ruleId", ru."name", ru."priority", ru."ruleSetId", rs."version"`,
    params,
  );
  return rows.map((r) => ({
    ruleId: r.ruleId,
    ruleName: r.ruleName,
    priority: r.priority == null ? null : Number(r.priority),
    ruleSetId: r.ruleSetId,
    ruleSetVersion: r.ruleSetVersion == null ? null : Number(r.ruleSetVersion),
    count: Number(r.count),
  }));
}

async function patternRows(s: Sql, ctx: Ctx, quarter: Quarter): Promise<PatternRows> {
  const scope = scopeSql(ctx);
  // the cases opened in the quarter that the caller may read, as alias c
  const where = `c."openedAt" >= ? AND c."openedAt" < ?${scope.text}`;
  const params = [quarter.start, quarter.end, ...scope.params];

  const byType = await s.all<Counted>(
    `SELECT c."type" AS "key", COUNT(*) AS "count" FROM "Conflict" c WHERE ${where} GROUP BY c."type"`,
    params,
  );
  const byRegion = await s.all<Counted>(
    `SELECT r."code" AS "key", r."name" AS "label", COUNT(*) AS "count" FROM "Conflict" c
     LEFT JOIN "Account" a ON a."id" = c."accountId" LEFT JOIN "Region" r ON r."id" = a."regionId"
     WHERE ${where} GROUP BY r."code", r."name"`,
    params,
  );
  // a case counts once in each tier among its partner parties
  const byTier = await s.all<Counted>(
    `SELECT pa."tier" AS "key", COUNT(DISTINCT c."id") AS "count" FROM "Conflict" c
     JOIN "ConflictParty" p ON p."conflictId" = c."id" JOIN "Partner" pa ON pa."id" = p."partnerId"
     WHERE ${where} GROUP BY pa."tier"`,
    params,
  );
  const byRule = await ruleCounts(s, where, params);
  const seconds =
    s.provider === "postgresql"
      ? `EXTRACT(EPOCH FROM (c."resolvedAt" - c."openedAt"))`
      : `(julianday(c."resolvedAt") - julianday(c."openedAt")) * 86400.0`;
  // resolved cases by their level at resolution; of each level's n durations, the one or two middle ones
  const middles = await s.all<{ level: unknown; n: unknown; seconds: unknown }>(
    `WITH d AS (
       SELECT c."level" AS "level", ${seconds} AS "seconds" FROM "Conflict" c
       WHERE ${where} AND c."status" = 'RESOLVED' AND c."resolvedAt" IS NOT NULL
     ), ranked AS (
       SELECT "level", "seconds", ROW_NUMBER() OVER (PARTITION BY "level" ORDER BY "seconds") AS "rank",
         COUNT(*) OVER (PARTITION BY "level") AS "n"
       FROM d
     )
     SELECT "level", "n", "seconds" FROM ranked WHERE "rank" IN (("n" + 1) / 2, ("n" + 2) / 2)`,
    params,
  );
  // whole seconds: SQLite's julianday arithmetic carries float noise well below one
  const mid = middles.map((m) => ({ level: Number(m.level), n: Number(m.n), seconds: Math.round(Number(m.seconds)) }));
  const resolvedByLevel = [...new Map(mid.map((m) => [m.level, m.n]))].map(([level, count]) => ({ level, count }));
  return {
    byType: counts(byType),
    byRegion: counts(byRegion),
    byTier: counts(byTier),
    byRule,
    resolvedByLevel,
    middles: mid,
  };
}

/** The report for the cases opened in `quarter` that the caller may read. Staff only: partners
 *  never see figures across other partners' cases. */
export async function conflictPatterns(ctx: Ctx, quarter: Quarter): Promise<PatternReport> {
  // registration:read-evidence is the staff-only view of competing claims (lib/auth/permissions.ts)
  if (!can(ctx, "conflict:read") || !can(ctx, "registration:read-evidence"))
    throw forbidden("The conflict-pattern report is for staff");
  const rows = await sql.session((s) => patternRows(s, ctx, quarter));
  return buildPatternReport(quarter, rows, { types: CONFLICT_TYPES, tiers: PARTNER_TIERS });
}
