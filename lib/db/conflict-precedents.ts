// Similar cases (docs/domain.md#conflicts-and-escalation): the resolved cases most like a case, for its
// decision screen, from the database's own full-text index (lib/db/conflict-precedent-search.ts). The
// searchable precedent log is lib/db/conflict-precedent-log.ts.
//
// Bounded so that its cost does not grow with the history (tests/bench/conflicts.bench.ts): the
// newest 200 resolved cases of the same type sharing a facet or a word with the case, and the newest
// 50 of other types under the same routing rule; lib/conflicts/precedent.ts ranks those.
//
// Staff only ("conflict:precedents"): precedents span every partner's cases, so partners never see them.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { caseWords, rankPrecedents, searchKeys } from "@/lib/conflicts/precedent";
import { forbidden, notFound } from "@/lib/errors";
import { db, sql } from "./client";
import { candidates, factsOf, type ResolvedCase, withRanks } from "./conflict-precedent-search";
import { conflictScope } from "./scope";

const SAME_TYPE_CANDIDATES = 200;
const SAME_RULE_CANDIDATES = 50;

export type SimilarCase = ResolvedCase & {
  rationale: string;
  score: number;
  reasons: string[];
};

/**
 * The resolved cases most like the case `conflictId` (which the caller must be able to read), best
 * first, each with the reasons it was chosen.
 */
export async function similarCases(ctx: Ctx, conflictId: string, limit = 5): Promise<SimilarCase[]> {
  if (!can(ctx, "conflict:precedents")) throw forbidden();
  const visible = await db.conflict.findFirst({
    where: { AND: [{ id: conflictId }, conflictScope(ctx)] },
    select: { id: true },
  });
  if (!visible) throw notFound("Conflict");
  return sql.session(async (s) => {
    const target = (await factsOf(s, [conflictId])).get(conflictId);
    if (!target) throw notFound("Conflict");
    const words = caseWords(`${target.rationale} ${target.summary}`);
    const typeKey = searchKeys.type(target.type);
    const ruleKey = target.ruleName ? searchKeys.rule(target.ruleName) : null;
    const facetKeys = [
      target.segment ? searchKeys.segment(target.segment) : null,
      target.regionCode ? searchKeys.region(target.regionCode) : null,
      ruleKey,
      ...target.tags.map(searchKeys.tag),
    ].filter((k): k is string => k !== null);
    const found = [
      ...(await candidates(s, { must: [typeKey], anyOf: { keys: facetKeys, words } }, SAME_TYPE_CANDIDATES)),
      ...(ruleKey ? await candidates(s, { must: [ruleKey], not: [typeKey] }, SAME_RULE_CANDIDATES) : []),
    ];
    return rankPrecedents(target, withRanks(words, found), limit).map((p) => ({
      id: p.id,
      type: p.type,
      resolution: p.resolution,
      level: p.level,
      resolvedAt: p.resolvedAt,
      summary: p.summary,
      rationale: p.rationale,
      score: p.score,
      reasons: p.reasons,
    }));
  });
}
