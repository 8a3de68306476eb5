// Precedent search (docs/domain.md#conflicts-and-escalation): the resolved cases most like a case, for its
// decision screen, and the searchable precedent log. Both read the database's own full-text index
// (SQLite FTS5 "ConflictSearch", PostgreSQL "Conflict"."searchVector" with GIN; kept in step by
// triggers, prisma/migrations/*_conflict_precedent_search) and never scan cases in JavaScript.
//
// Every query is bounded so that its cost does not grow with the history (tests/bench/conflicts.bench.ts):
// - similarCases: the newest 200 resolved cases of the same type sharing a facet or a word with the
//   case, and the newest 50 of other types under the same routing rule; lib/conflicts/precedent.ts
//   ranks those.
// - the log with search words: the newest 500 matches (FTS order on SQLite, the resolvedAt index on
//   PostgreSQL), ranked by relevance; a page is cut from them before any join.
// - the log without words: the resolved cases newest first along an index (status[, type |
//   resolution], resolvedAt, id), LIMIT page + 1, so no sort of the match set.
//
// Staff only ("conflict:precedents"): the log spans every partner's cases, so partners never see it.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import {
  MARK_END,
  MARK_START,
  type PrecedentCandidate,
  type PrecedentCase,
  caseWords,
  rankPrecedents,
  searchKeys,
  searchWords,
} from "@/lib/conflicts/precedent";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/security/cursor";
import type { PrecedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { db, sql } from "./client";
import { COUNT_CAP, INVALID_CURSOR, type Page } from "./pagination";
import { conflictScope } from "./scope";
import { asDate, asJson, type Row, type Sql } from "./sql";

const SAME_TYPE_CANDIDATES = 200;
const SAME_RULE_CANDIDATES = 50;
export const LOG_CANDIDATES = 500;
const PAGE_SIZE = 20;

export { MARK_END, MARK_START };

export type SimilarCase = {
  id: string;
  type: string;
  resolution: string | null;
  level: number;
  resolvedAt: Date;
  summary: string;
  rationale: string;
  score: number;
  reasons: string[];
};

export type PrecedentRow = {
  id: string;
  type: string;
  resolution: string | null;
  level: number;
  resolvedAt: Date;
  summary: string;
  /** The rationale, or the part of it that matched, with MARK_START/MARK_END around matched words. */
  excerpt: string;
  tags: string[];
  accountName: string | null;
  regionName: string | null;
  ruleName: string | null;
};

// ------------------------------------------------------------------------------------------------
// The facts of cases by id: type, segment (the account's tier), region, routing rule (the rule that
// routed the opportunity, else the first registration's, as the migration's index does), tags.

const RULE_NAME = `(SELECT rl."name" FROM "Rule" rl WHERE rl."id" = COALESCE(
  (SELECT d."ruleId" FROM "Opportunity" o JOIN "RouteDecision" d ON d."id" = o."routeDecisionId"
    WHERE o."id" = c."opportunityId"),
  (SELECT d."ruleId" FROM "ConflictRegistration" cr
    JOIN "DealRegistration" r ON r."id" = cr."registrationId"
    JOIN "RouteDecision" d ON d."id" = r."routeDecisionId"
    WHERE cr."conflictId" = c."id" AND d."ruleId" IS NOT NULL
    ORDER BY r."submittedAt", r."id" LIMIT 1)))`;

const FACTS = `SELECT c."id", c."type", c."status", c."resolution", c."level", c."resolvedAt", c."summary",
  c."rationale", c."tags", a."name" AS "accountName", a."tier" AS "segment", g."code" AS "regionCode",
  g."name" AS "regionName", ${RULE_NAME} AS "ruleName"
FROM "Conflict" c
LEFT JOIN "Account" a ON a."id" = c."accountId"
LEFT JOIN "Region" g ON g."id" = a."regionId"`;

type Facts = PrecedentCase & {
  status: string;
  resolution: string | null;
  level: number;
  resolvedAt: Date | null;
  accountName: string | null;
};

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function tagsOf(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const parsed = asJson<unknown>(v);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
}

function toFacts(r: Row): Facts {
  return {
    id: String(r.id),
    type: String(r.type),
    status: String(r.status),
    resolution: text(r.resolution),
    level: Number(r.level),
    resolvedAt: r.resolvedAt === null || r.resolvedAt === undefined ? null : asDate(r.resolvedAt),
    summary: String(r.summary ?? ""),
    rationale: String(r.rationale ?? ""),
    tags: tagsOf(r.tags),
    accountName: text(r.accountName),
    segment: text(r.segment),
    regionCode: text(r.regionCode),
    regionName: text(r.regionName),
    ruleName: text(r.ruleName),
  };
}

async function factsOf(s: Sql, ids: readonly string[]): Promise<Map<string, Facts>> {
  if (ids.length === 0) return new Map();
  const rows = await s.all(`${FACTS} WHERE c."id" IN (${ids.map(() => "?").join(", ")})`, ids);
  return new Map(rows.map((r) => [String(r.id), toFacts(r)]));
}

// ------------------------------------------------------------------------------------------------
// Full-text queries, per database. Terms are lower-case letters and digits only (caseWords,
// searchWords, searchKeys), so they are safe inside FTS5 and tsquery syntax; they still travel as
// parameters.

type Ranked = { id: string; rank: number };

const quoted = (terms: readonly string[], op: "OR" | "AND") => terms.map((t) => `"${t}"`).join(` ${op} `);
const TEXT_COLUMNS = "{summary rationale tags facets}";
// bm25 weights by column: conflictId, summary, rationale, tags, facets, keys (keys never rank)
const BM25 = `bm25("ConflictSearch", 0, 0.5, 1.0, 0.5, 0.3, 0)`;
// ts_rank weights {D, C, B, A}: keys, tags and facets, summary, rationale
const TS_WEIGHTS = `'{0, 0.3, 0.5, 1}'`;

async function similarCandidates(s: Sql, target: PrecedentCase, words: string[]): Promise<Ranked[]> {
  const typeKey = searchKeys.type(target.type);
  const ruleKey = target.ruleName ? searchKeys.rule(target.ruleName) : null;
  const facetKeys = [
    target.segment ? searchKeys.segment(target.segment) : null,
    target.regionCode ? searchKeys.region(target.regionCode) : null,
    ruleKey,
    ...target.tags.map(searchKeys.tag),
  ].filter((k): k is string => k !== null);

  if (s.provider === "sqlite") {
    const alternatives = [
      facetKeys.length ? `keys : (${quoted(facetKeys, "OR")})` : null,
      words.length ? `${TEXT_COLUMNS} : (${quoted(words, "OR")})` : null,
    ].filter(Boolean);
    const sameType = `keys : "${typeKey}"${alternatives.length ? ` AND (${alternatives.join(" OR ")})` : ""}`;
    const query = (match: string, limit: number) =>
      s.all(
        `SELECT "conflictId" AS "id", -${BM25} AS "rank" FROM "ConflictSearch"
         WHERE "ConflictSearch" MATCH ? ORDER BY rowid DESC LIMIT ${limit}`,
        [match],
      );
    const rows = [
      ...(await query(sameType, SAME_TYPE_CANDIDATES)),
      ...(ruleKey ? await query(`keys : "${ruleKey}" NOT keys : "${typeKey}"`, SAME_RULE_CANDIDATES) : []),
    ];
    return rows.map((r) => ({ id: String(r.id), rank: Number(r.rank) }));
  }

  const wordQuery = words.join(" | ");
  const rank = words.length ? `ts_rank(${TS_WEIGHTS}, "searchVector", to_tsquery('english', ?))` : "0";
  const rankParams = words.length ? [wordQuery] : [];
  const alternatives = [
    facetKeys.length ? `to_tsquery('simple', ?)` : null,
    words.length ? `to_tsquery('english', ?)` : null,
  ].filter(Boolean);
  const altParams = [...(facetKeys.length ? [facetKeys.join(" | ")] : []), ...(words.length ? [wordQuery] : [])];
  const sameType = await s.all(
    `WITH cand AS MATERIALIZED (
       SELECT "id", "searchVector" FROM "Conflict"
       WHERE "status" = 'RESOLVED' AND "searchVector" @@ (to_tsquery('simple', ?)${
         alternatives.length ? ` && (${alternatives.join(" || ")})` : ""
       })
       ORDER BY "resolvedAt" DESC, "id" DESC LIMIT ${SAME_TYPE_CANDIDATES})
     SELECT "id", ${rank}::float8 AS "rank" FROM cand`,
    [typeKey, ...altParams, ...rankParams],
  );
  const sameRule = ruleKey
    ? await s.all(
        `WITH cand AS MATERIALIZED (
           SELECT "id", "searchVector" FROM "Conflict"
           WHERE "status" = 'RESOLVED' AND "searchVector" @@ (to_tsquery('simple', ?) && !! to_tsquery('simple', ?))
           ORDER BY "resolvedAt" DESC, "id" DESC LIMIT ${SAME_RULE_CANDIDATES})
         SELECT "id", ${rank}::float8 AS "rank" FROM cand`,
        [ruleKey, typeKey, ...rankParams],
      )
    : [];
  return [...sameType, ...sameRule].map((r) => ({ id: String(r.id), rank: Number(r.rank) }));
}

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
    const found = await similarCandidates(s, target, words);
    const facts = await factsOf(s, [...new Set(found.map((f) => f.id))]);
    const candidates: PrecedentCandidate[] = [];
    for (const f of found) {
      const c = facts.get(f.id);
      if (!c || c.status !== "RESOLVED" || !c.resolvedAt) continue;
      candidates.push({ ...c, resolvedAt: c.resolvedAt, textRank: Math.max(0, f.rank) });
    }
    return rankPrecedents(target, candidates, limit).map((p) => ({
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

// ------------------------------------------------------------------------------------------------
// The precedent log.

type Position = { value: CursorValue; id: string };

function cursorScope(ctx: Ctx, words: string[], q: PrecedentSearchQuery): string {
  const filters = [q.type, q.resolution, q.region, q.tag].map((v) => v ?? "-").join(",");
  return ["precedents", words.join(" ") || "-", filters, ctx.role, ctx.userId ?? "-"].join("|");
}

function positionOf(scope: string, cursor: string | undefined, field: "after" | "before"): Position | undefined {
  if (cursor === undefined) return undefined;
  const pos = decodeCursor(scope, cursor);
  if (!pos) throw new AppError("VALIDATION", "The request is not valid", { [field]: [INVALID_CURSOR] });
  return pos;
}

/** The FTS filter keys of the log's filters. */
function filterKeys(q: PrecedentSearchQuery): string[] {
  return [
    q.type ? searchKeys.type(q.type) : null,
    q.resolution ? searchKeys.resolution(q.resolution) : null,
    q.region ? searchKeys.region(q.region) : null,
    q.tag ? searchKeys.tag(q.tag) : null,
  ].filter((k): k is string => k !== null);
}

type Slice = {
  ids: string[];
  total: number;
  capped: boolean;
  more: boolean;
  values: Map<string, CursorValue>;
  /** SQLite: each case's row in the FTS table, for its excerpt. */
  ftsRows?: Map<string, number>;
};

/**
 * With search words: the newest LOG_CANDIDATES matches, ranked (higher first, then id), and the page
 * after/before `from` cut from them in SQL.
 */
async function rankedSlice(
  s: Sql,
  words: string[],
  keys: string[],
  from: Position | undefined,
  back: boolean,
): Promise<Slice> {
  const take = PAGE_SIZE + 1;
  // walking back is walking the reversed order forward
  const order = back ? `"score" ASC, "id" DESC` : `"score" DESC, "id" ASC`;
  const keyset = from
    ? back
      ? `WHERE "score" > ? OR ("score" = ? AND "id" < ?)`
      : `WHERE "score" < ? OR ("score" = ? AND "id" > ?)`
    : "";
  const keysetParams = from ? [Number(from.value), Number(from.value), from.id] : [];
  let rows: Row[];
  if (s.provider === "sqlite") {
    const match = [
      keys.length ? `keys : (${quoted(keys, "AND")})` : null,
      `${TEXT_COLUMNS} : (${quoted(words, "AND")})`,
    ]
      .filter(Boolean)
      .join(" AND ");
    rows = await s.all(
      `WITH cand AS MATERIALIZED (
         SELECT rowid AS "rid", "conflictId" AS "id", -${BM25} AS "score" FROM "ConflictSearch"
         WHERE "ConflictSearch" MATCH ? ORDER BY rowid DESC LIMIT ${LOG_CANDIDATES})
       SELECT "rid", "id", "score", (SELECT count(*) FROM cand) AS "total" FROM cand ${keyset}
       ORDER BY ${order} LIMIT ${take}`,
      [match, ...keysetParams],
    );
  } else {
    const filter = keys.length ? `to_tsquery('simple', ?) && ` : "";
    rows = await s.all(
      `WITH cand AS MATERIALIZED (
         SELECT "id", "searchVector" FROM "Conflict"
         WHERE "status" = 'RESOLVED' AND "searchVector" @@ (${filter}to_tsquery('english', ?))
         ORDER BY "resolvedAt" DESC, "id" DESC LIMIT ${LOG_CANDIDATES}),
       ranked AS (SELECT "id", ts_rank(${TS_WEIGHTS}, "searchVector", to_tsquery('english', ?))::float8 AS "score" FROM cand)
       SELECT "id", "score", (SELECT count(*) FROM cand) AS "total" FROM ranked ${keyset} ORDER BY ${order} LIMIT ${take}`,
      [...(keys.length ? [keys.join(" & ")] : []), words.join(" & "), words.join(" & "), ...keysetParams],
    );
  }
  const total = rows.length ? Number(rows[0].total) : 0;
  return {
    ids: rows.map((r) => String(r.id)),
    total,
    capped: total >= LOG_CANDIDATES,
    more: rows.length > PAGE_SIZE,
    values: new Map(rows.map((r) => [String(r.id), Number(r.score)])),
    ftsRows: new Map(rows.map((r) => [String(r.id), Number(r.rid)])),
  };
}

/** Without search words: resolved cases newest first along the (status, …, resolvedAt, id) indexes. */
async function recentSlice(s: Sql, q: PrecedentSearchQuery, from: Position | undefined, back: boolean): Promise<Slice> {
  const where: string[] = [`c."status" = 'RESOLVED'`];
  const params: unknown[] = [];
  if (q.type) {
    where.push(`c."type" = ?`);
    params.push(q.type);
  }
  if (q.resolution) {
    where.push(`c."resolution" = ?`);
    params.push(q.resolution);
  }
  if (q.region) {
    where.push(`EXISTS (SELECT 1 FROM "Account" a JOIN "Region" g ON g."id" = a."regionId"
      WHERE a."id" = c."accountId" AND g."code" = ?)`);
    params.push(q.region);
  }
  if (q.tag) {
    where.push(
      s.provider === "sqlite"
        ? `EXISTS (SELECT 1 FROM json_each(c."tags") t WHERE t."value" = ?)`
        : `c."tags" @> jsonb_build_array(?::text)`,
    );
    params.push(q.tag);
  }
  const filtered = where.join(" AND ");
  const keyset = from
    ? back
      ? ` AND (c."resolvedAt" > ? OR (c."resolvedAt" = ? AND c."id" > ?))`
      : ` AND (c."resolvedAt" < ? OR (c."resolvedAt" = ? AND c."id" < ?))`
    : "";
  const at = from ? asDate(from.value) : null;
  const rows = await s.all(
    `SELECT c."id", c."resolvedAt" FROM "Conflict" c WHERE ${filtered}${keyset}
     ORDER BY c."resolvedAt" ${back ? "ASC" : "DESC"}, c."id" ${back ? "ASC" : "DESC"} LIMIT ${PAGE_SIZE + 1}`,
    [...params, ...(from ? [at, at, from.id] : [])],
  );
  const counted = await s.get(
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "Conflict" c WHERE ${filtered} LIMIT ${COUNT_CAP + 1}) x`,
    params,
  );
  const count = Number(counted?.n ?? 0);
  return {
    ids: rows.map((r) => String(r.id)),
    total: Math.min(count, COUNT_CAP),
    capped: count > COUNT_CAP,
    more: rows.length > PAGE_SIZE,
    values: new Map(rows.map((r) => [String(r.id), asDate(r.resolvedAt)])),
  };
}

/** The matched part of each rationale, words marked; only for the rows of the page. */
async function excerpts(s: Sql, ids: string[], words: string[], slice: Slice): Promise<Map<string, string>> {
  if (ids.length === 0 || words.length === 0) return new Map();
  const list = ids.map(() => "?").join(", ");
  let rows: Row[];
  if (s.provider === "sqlite") {
    // by the FTS rowid: "conflictId" is not indexed inside the FTS table
    const match = `${TEXT_COLUMNS} : (${quoted(words, "OR")})`;
    rows = await s.all(
      `SELECT "conflictId" AS "id", snippet("ConflictSearch", 2, '${MARK_START}', '${MARK_END}', '…', 32) AS "excerpt"
       FROM "ConflictSearch" WHERE "ConflictSearch" MATCH ? AND rowid IN (${list})`,
      [match, ...ids.map((id) => slice.ftsRows?.get(id) ?? -1)],
    );
  } else {
    rows = await s.all(
      `SELECT "id", ts_headline('english', COALESCE("rationale", ''), to_tsquery('english', ?),
         'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, ShortWord=2') AS "excerpt"
       FROM "Conflict" WHERE "id" IN (${list})`,
      [words.join(" | "), ...ids],
    );
  }
  return new Map(rows.map((r) => [String(r.id), String(r.excerpt ?? "")]));
}

function opening(rationale: string, max = 240): string {
  if (rationale.length <= max) return rationale;
  const cut = rationale.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40))}…`;
}

/**
 * One page of the precedent log: resolved cases matching the search words (most relevant first) or,
 * without words, newest first; filtered by type, outcome, region and tag.
 */
export async function searchPrecedents(ctx: Ctx, q: PrecedentSearchQuery): Promise<Page<PrecedentRow>> {
  if (!can(ctx, "conflict:precedents")) throw forbidden();
  const words = searchWords(q.q ?? "");
  const scope = cursorScope(ctx, words, q);
  const before = positionOf(scope, q.before, "before");
  const after = before ? undefined : positionOf(scope, q.after, "after");
  const back = before !== undefined;
  const from = before ?? after;
  return sql.session(async (s) => {
    const keys = filterKeys(q);
    const slice = words.length ? await rankedSlice(s, words, keys, from, back) : await recentSlice(s, q, from, back);
    const ids = back ? slice.ids.slice(0, PAGE_SIZE).reverse() : slice.ids.slice(0, PAGE_SIZE);
    const facts = await factsOf(s, ids);
    const marked = await excerpts(s, ids, words, slice);
    const items: PrecedentRow[] = [];
    for (const id of ids) {
      const f = facts.get(id);
      if (!f || !f.resolvedAt) continue;
      items.push({
        id,
        type: f.type,
        resolution: f.resolution,
        level: f.level,
        resolvedAt: f.resolvedAt,
        summary: f.summary,
        excerpt: marked.get(id) || opening(f.rationale),
        tags: [...f.tags],
        accountName: f.accountName,
        regionName: f.regionName,
        ruleName: f.ruleName,
      });
    }
    const cursorOf = (id: string) => encodeCursor(scope, { value: slice.values.get(id) ?? null, id });
    const first = ids[0];
    const last = ids[ids.length - 1];
    return {
      items,
      nextCursor: last && (back || slice.more) ? cursorOf(last) : null,
      prevCursor: first && (back ? slice.more : after !== undefined) ? cursorOf(first) : null,
      total: slice.total,
      totalCapped: slice.capped,
    };
  });
}

/** The choices of the log's region filter. */
export async function precedentRegions(ctx: Ctx): Promise<{ code: string; name: string }[]> {
  if (!can(ctx, "conflict:precedents")) throw forbidden();
  return db.region.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
}
