// Precedent search (docs/domain.md#conflicts-and-escalation): the resolved cases most like a case, for its
// decision screen, and the searchable precedent log. Both read the database's own full-text index
// (SQLite FTS5 "ConflictSearch", PostgreSQL "Conflict"."searchVector" with GIN; kept in step by
// triggers, prisma/migrations/*_conflict_precedent_search) and never scan cases in JavaScript.
//
// Every query is bounded so that its cost does not grow with the history (tests/bench/conflicts.bench.ts):
// - similarCases: the newest 200 resolved cases of the same type sharing a facet or a word with the
//   case, and the newest 50 of other types under the same routing rule; lib/conflicts/precedent.ts
//   ranks those.
// - the log with search words, or filtered by region or tag: the newest 500 matches of the words and
//   filter keys (FTS order on SQLite, newest resolution on PostgreSQL), ranked by the words
//   (lib/conflicts/precedent.ts wordRanks) or newest first; the page is cut from them before the
//   join that reads its rows' names.
// - the log by type or outcome only: the resolved cases newest first along an index (status[, type |
//   resolution], resolvedAt, id), LIMIT page + 1, so no sort of the match set.
// The databases' own ranks (bm25, ts_rank) are not used: SQLite's bm25 counts every document of
// every query word, a cost that grows with the index (the bare query in the benchmark shows it).
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
  parseKeys,
  rankPrecedents,
  searchKeys,
  searchWords,
  wordRanks,
} from "@/lib/conflicts/precedent";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/security/cursor";
import { CONFLICT_RESOLUTIONS, type PrecedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { CONFLICT_TYPES } from "@/lib/validation/lists";
import { db, sql } from "./client";
import { INVALID_CURSOR, type Page } from "./pagination";
import { conflictScope } from "./scope";
import { asDate, asJson, type Row, type Sql } from "./sql";

const SAME_TYPE_CANDIDATES = 200;
const SAME_RULE_CANDIDATES = 50;
const LOG_CANDIDATES = 500;
// A filter without words shows its count up to this ("100+"): counting every match costs one row
// fetch per match on PostgreSQL (its GIN matches are rechecked in the table).
const FILTER_COUNT_CAP = 100;
// The log without words shows its count up to this ("1,000+"). The count walks the (status, type, …)
// index, so its cost grows with the number it counts: uncapped at 10,000 it grew from 7 to 26 ms
// p95 between 10k and 100k resolved cases on PostgreSQL (tests/bench/conflicts.bench.ts).
const RECENT_COUNT_CAP = 1_000;
// A filter without words on SQLite (region, tag) pages through its newest this-many matches. FTS5
// walks its keys' doclists together until it has found them, so the walk stops early: with 500 it
// went on through most of a large history (p95 3.0 -> 9.2 ms from 10k to 100k resolved cases).
const FILTER_CANDIDATES = 200;
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
// Full-text candidates, per database. Terms are lower-case letters and digits only (caseWords,
// searchWords, searchKeys), so they are safe inside FTS5 and tsquery syntax; they still travel as
// parameters. A candidate comes back with what ranking needs (its text, its facets from the index
// keys, level and resolution time) in the same query.

type Candidate = PrecedentCandidate & { ftsRow: number | null };

/** What to match: every key of `must`, any of `anyOf` (keys or words), every word of `words`, no key of `not`. */
type Match = { must?: string[]; anyOf?: { keys: string[]; words: string[] }; words?: string[]; not?: string[] };

const TEXT_COLUMNS = "{summary rationale tags facets}";
const KNOWN = { types: CONFLICT_TYPES, resolutions: CONFLICT_RESOLUTIONS };

const quoted = (terms: readonly string[], op: "OR" | "AND") => terms.map((t) => `"${t}"`).join(` ${op} `);

function fts5Match(m: Match): string {
  const parts: string[] = [];
  if (m.must?.length) parts.push(`keys : (${quoted(m.must, "AND")})`);
  const any = [
    m.anyOf?.keys.length ? `keys : (${quoted(m.anyOf.keys, "OR")})` : null,
    m.anyOf?.words.length ? `${TEXT_COLUMNS} : (${quoted(m.anyOf.words, "OR")})` : null,
  ].filter(Boolean);
  if (any.length) parts.push(`(${any.join(" OR ")})`);
  if (m.words?.length) parts.push(`${TEXT_COLUMNS} : (${quoted(m.words, "AND")})`);
  return parts.join(" AND ") + (m.not?.length ? ` NOT keys : (${quoted(m.not, "OR")})` : "");
}

function tsQuery(m: Match): { text: string; params: string[] } {
  const params: string[] = [];
  const query = (config: "simple" | "english", terms: string[], op: "&" | "|") => {
    params.push(terms.join(` ${op} `));
    return `to_tsquery('${config}', ?)`;
  };
  const parts: string[] = [];
  if (m.must?.length) parts.push(query("simple", m.must, "&"));
  const any: string[] = [];
  if (m.anyOf?.keys.length) any.push(query("simple", m.anyOf.keys, "|"));
  if (m.anyOf?.words.length) any.push(query("english", m.anyOf.words, "|"));
  if (any.length) parts.push(`(${any.join(" || ")})`);
  if (m.words?.length) parts.push(query("english", m.words, "&"));
  if (m.not?.length) parts.push(`!! ${query("simple", m.not, "|")}`);
  return { text: parts.join(" && "), params };
}

/**
 * PostgreSQL: GIN answers "which cases match" but not "newest first", so an unbounded query fetches
 * and sorts every match, a cost that grows with the history. The match is tried first among the
 * newest FIRST_WINDOW resolved cases (their oldest resolution time read along the (status,
 * resolvedAt, id) index); when those hold fewer than `limit` matches, the window grows to where the
 * match rate seen so far would find `limit` (with a margin), twice at most, and only then does the
 * query run over all cases — which it does at once for a rare match (none in the first window).
 * The newest `limit` matches are the same either way.
 */
const FIRST_WINDOW = 4_000;
const WINDOW_STEPS = 3;
const WINDOW_MARGIN = 1.3;

/** Older than a position in the newest-first order (the next page of a keyset walk). */
type Older = { at: Date; id: string };

const olderThan = (o: Older | undefined) =>
  o
    ? { sql: ` AND ("resolvedAt" < ? OR ("resolvedAt" = ? AND "id" < ?))`, params: [o.at, o.at, o.id] }
    : { sql: "", params: [] };

// "status" = 'RESOLVED' is implied by a match (unresolved cases have no vector, the migration's
// trigger) but lets the planner AND the GIN bitmap with the (status, resolvedAt, id) index's window.
async function pgCandidates(s: Sql, m: Match, limit: number, older?: Older): Promise<Row[]> {
  const q = tsQuery(m);
  const after = olderThan(older);
  const select = (since: string, params: unknown[]) =>
    s.all(
      `SELECT "id", "summary", "rationale", "level", "resolvedAt",
         array_to_string(ARRAY(SELECT u."lexeme" FROM unnest("searchVector") u WHERE 'D' = ANY(u."weights")), ' ') AS "keys"
       FROM "Conflict" WHERE "status" = 'RESOLVED' AND "searchVector" @@ (${q.text})${after.sql}${since}
       ORDER BY "resolvedAt" DESC, "id" DESC LIMIT ${limit}`,
      [...q.params, ...after.params, ...params],
    );
  let size = FIRST_WINDOW;
  for (let step = 0; step < WINDOW_STEPS; step++) {
    const edge = await s.get(
      `SELECT "resolvedAt" FROM "Conflict" WHERE "status" = 'RESOLVED'${after.sql}
       ORDER BY "resolvedAt" DESC, "id" DESC OFFSET ${size - 1} LIMIT 1`,
      after.params,
    );
    // fewer cases than the window: one query over all of them
    if (!edge) break;
    const rows = await select(` AND "resolvedAt" >= ?`, [asDate(edge.resolvedAt)]);
    if (rows.length >= limit) return rows;
    if (rows.length === 0) break;
    size = Math.ceil((size * limit * WINDOW_MARGIN) / rows.length);
  }
  return select("", []);
}

/** How many resolved cases match `m`, counted up to `cap` (PostgreSQL; a match is a resolved case). */
async function pgCount(s: Sql, m: Match, cap: number): Promise<number> {
  const q = tsQuery(m);
  const row = await s.get(
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "Conflict" WHERE "searchVector" @@ (${q.text}) LIMIT ${cap}) x`,
    q.params,
  );
  return Number(row?.n ?? 0);
}

/** The newest `limit` resolved cases matching `m`: FTS order on SQLite, the resolvedAt order on PostgreSQL. */
async function candidates(s: Sql, m: Match, limit: number): Promise<Candidate[]> {
  const rows =
    s.provider === "sqlite"
      ? await s.all(
          `SELECT rowid AS "ftsRow", "conflictId" AS "id", "summary", "rationale", "keys", "level", "resolvedAt"
           FROM "ConflictSearch" WHERE "ConflictSearch" MATCH ? ORDER BY rowid DESC LIMIT ${limit}`,
          [fts5Match(m)],
        )
      : await pgCandidates(s, m, limit);
  return rows.map((r) => {
    const facets = parseKeys(String(r.keys ?? "").split(" "), KNOWN);
    return {
      id: String(r.id),
      type: facets.type ?? "",
      resolution: facets.resolution,
      segment: facets.segment,
      regionCode: facets.regionCode,
      regionName: null,
      ruleName: facets.ruleName,
      tags: facets.tags,
      summary: String(r.summary ?? ""),
      rationale: String(r.rationale ?? ""),
      level: Number(r.level),
      resolvedAt: asDate(r.resolvedAt),
      textRank: 0,
      ftsRow: r.ftsRow === undefined ? null : Number(r.ftsRow),
    };
  });
}

const withRanks = (words: string[], found: Candidate[]): Candidate[] => {
  const ranks = wordRanks(words, found);
  return found.map((c) => ({ ...c, textRank: ranks.get(c.id) ?? 0 }));
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
  ftsRows: Map<string, number>;
};

/**
 * From the newest LOG_CANDIDATES matches of the words and filter keys: ordered by the words' rank
 * (then id) or, without words, newest first (resolvedAt, then id); the page after/before `from`.
 */
async function candidateSlice(
  s: Sql,
  words: string[],
  keys: string[],
  from: Position | undefined,
  back: boolean,
): Promise<Slice> {
  const found = await candidates(s, { must: keys, words }, words.length ? LOG_CANDIDATES : FILTER_CANDIDATES);
  const ranked = words.length > 0;
  const rows = ranked ? withRanks(words, found) : found;
  const value = (c: Candidate) => (ranked ? c.textRank : c.resolvedAt.getTime());
  // negative when (av, aid) comes first: higher value first, then id ascending when ranked,
  // descending when newest first
  const idOrder = ranked ? 1 : -1;
  const order = (av: number, aid: string, bv: number, bid: string) =>
    bv - av || (aid < bid ? -idOrder : aid > bid ? idOrder : 0);
  const ordered = [...rows].sort((a, b) => order(value(a), a.id, value(b), b.id));
  const pivot = from && { value: ranked ? Number(from.value) : asDate(from.value).getTime(), id: from.id };
  const vsPivot = (c: Candidate) => (pivot ? order(value(c), c.id, pivot.value, pivot.id) : 0);
  let window: Candidate[];
  if (back) {
    // the rows just before the pivot, nearest first
    const end = pivot ? ordered.findIndex((c) => vsPivot(c) >= 0) : -1;
    const stop = end < 0 ? ordered.length : end;
    window = ordered.slice(Math.max(0, stop - PAGE_SIZE - 1), stop).reverse();
  } else {
    const start = pivot ? ordered.findIndex((c) => vsPivot(c) > 0) : 0;
    window = start < 0 ? [] : ordered.slice(start, start + PAGE_SIZE + 1);
  }
  return {
    ids: window.map((c) => c.id),
    total: ranked ? found.length : Math.min(found.length, FILTER_COUNT_CAP),
    capped: ranked ? found.length >= LOG_CANDIDATES : found.length > FILTER_COUNT_CAP,
    more: window.length > PAGE_SIZE,
    // ranks as text: a cursor keeps whole numbers only, and a double's shortest text reads back exactly
    values: new Map(window.map((c) => [c.id, ranked ? String(c.textRank) : c.resolvedAt])),
    ftsRows: new Map(window.filter((c) => c.ftsRow !== null).map((c) => [c.id, c.ftsRow!])),
  };
}

/**
 * PostgreSQL, region or tag without words: newest first by keyset, one page at a time (pgCandidates'
 * windows keep it from fetching every match), the total counted up to FILTER_COUNT_CAP.
 */
async function pgNewestSlice(s: Sql, keys: string[], from: Position | undefined, back: boolean): Promise<Slice> {
  let rows: Row[];
  if (back && from) {
    // the page just newer than the pivot, nearest first (a step back is rare; no window)
    const q = tsQuery({ must: keys });
    const at = asDate(from.value);
    rows = await s.all(
      `SELECT "id", "resolvedAt" FROM "Conflict" WHERE "searchVector" @@ (${q.text})
         AND ("resolvedAt" > ? OR ("resolvedAt" = ? AND "id" > ?))
       ORDER BY "resolvedAt" ASC, "id" ASC LIMIT ${PAGE_SIZE + 1}`,
      [...q.params, at, at, from.id],
    );
  } else {
    const older = from ? { at: asDate(from.value), id: from.id } : undefined;
    rows = await pgCandidates(s, { must: keys }, PAGE_SIZE + 1, older);
  }
  const count = await pgCount(s, { must: keys }, FILTER_COUNT_CAP + 1);
  return {
    ids: rows.map((r) => String(r.id)),
    total: Math.min(count, FILTER_COUNT_CAP),
    capped: count > FILTER_COUNT_CAP,
    more: rows.length > PAGE_SIZE,
    values: new Map(rows.map((r) => [String(r.id), asDate(r.resolvedAt)])),
    ftsRows: new Map(),
  };
}

/** Without words, region or tag: resolved cases newest first along the (status, …, resolvedAt, id) indexes. */
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
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "Conflict" c WHERE ${filtered} LIMIT ${RECENT_COUNT_CAP + 1}) x`,
    params,
  );
  const count = Number(counted?.n ?? 0);
  return {
    ids: rows.map((r) => String(r.id)),
    total: Math.min(count, RECENT_COUNT_CAP),
    capped: count > RECENT_COUNT_CAP,
    more: rows.length > PAGE_SIZE,
    values: new Map(rows.map((r) => [String(r.id), asDate(r.resolvedAt)])),
    ftsRows: new Map(),
  };
}

/** The matched part of each rationale, words marked; only for the rows of the page. */
async function excerpts(s: Sql, ids: string[], words: string[], slice: Slice): Promise<Map<string, string>> {
  if (ids.length === 0 || words.length === 0) return new Map();
  const list = ids.map(() => "?").join(", ");
  let rows: Row[];
  if (s.provider === "sqlite") {
    // by the FTS rowid: "conflictId" is not indexed inside the FTS table
    rows = await s.all(
      `SELECT "conflictId" AS "id", snippet("ConflictSearch", 2, '${MARK_START}', '${MARK_END}', '…', 48) AS "excerpt"
       FROM "ConflictSearch" WHERE "ConflictSearch" MATCH ? AND rowid IN (${list})`,
      [`${TEXT_COLUMNS} : (${quoted(words, "OR")})`, ...ids.map((id) => slice.ftsRows.get(id) ?? -1)],
    );
  } else {
    rows = await s.all(
      `SELECT "id", ts_headline('english', COALESCE("rationale", ''), to_tsquery('english', ?),
         'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=60, MinWords=30, ShortWord=2') AS "excerpt"
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
    const slice =
      words.length || q.region || q.tag
        ? !words.length && s.provider === "postgresql"
          ? await pgNewestSlice(s, filterKeys(q), from, back)
          : await candidateSlice(s, words, filterKeys(q), from, back)
        : await recentSlice(s, q, from, back);
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
