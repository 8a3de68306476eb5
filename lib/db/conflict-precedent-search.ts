// Precedent search's reads of the database's own full-text index (docs/domain.md#conflicts-and-escalation):
// SQLite FTS5 "ConflictSearch", PostgreSQL "Conflict"."searchVector" with GIN, kept in step by triggers
// (prisma/migrations/*_conflict_precedent_search); nothing scans cases in JavaScript. The similar
// cases (lib/db/conflict-precedents.ts) and the precedent log (lib/db/conflict-precedent-log.ts) take
// bounded candidate sets from here and rank them in lib/conflicts/precedent.ts. The databases' own
// ranks (bm25, ts_rank) are not used: SQLite's bm25 counts every document of every query word, a
// cost that grows with the index (the bare query in tests/bench/conflicts.bench.ts shows it).
import "server-only";
import {
  MARK_END,
  MARK_START,
  type PrecedentCandidate,
  type PrecedentCase,
  parseKeys,
  wordRanks,
} from "@/lib/conflicts/precedent";
import { CONFLICT_RESOLUTIONS } from "@/lib/validation/conflict-precedents";
import { CONFLICT_TYPES } from "@/lib/validation/lists";
import { asDate, asJson, type Row, type Sql } from "./sql";

/** What the similar cases and the log show of every resolved case. */
export type ResolvedCase = {
  id: string;
  type: string;
  resolution: string | null;
  level: number;
  resolvedAt: Date;
  summary: string;
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

export async function factsOf(s: Sql, ids: readonly string[]): Promise<Map<string, Facts>> {
  if (ids.length === 0) return new Map();
  const rows = await s.all(`${FACTS} WHERE c."id" IN (${ids.map(() => "?").join(", ")})`, ids);
  return new Map(rows.map((r) => [String(r.id), toFacts(r)]));
}

// ------------------------------------------------------------------------------------------------
// Full-text candidates, per database. Terms are lower-case letters and digits only (caseWords,
// searchWords, searchKeys), so they are safe inside FTS5 and tsquery syntax; they still travel as
// parameters. A candidate comes back with what ranking needs (its text, its facets from the index
// keys, level and resolution time) in the same query.

export type Candidate = PrecedentCandidate & { ftsRow: number | null };

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

export function tsQuery(m: Match): { text: string; params: string[] } {
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
export type Older = { at: Date; id: string };

const olderThan = (o: Older | undefined) =>
  o
    ? { sql: ` AND ("resolvedAt" < ? OR ("resolvedAt" = ? AND "id" < ?))`, params: [o.at, o.at, o.id] }
    : { sql: "", params: [] };

// "status" = 'RESOLVED' is implied by a match (unresolved cases have no vector, the migration's
// trigger) but lets the planner AND the GIN bitmap with the (status, resolvedAt, id) index's window.
export async function pgCandidates(s: Sql, m: Match, limit: number, older?: Older): Promise<Row[]> {
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
export async function pgCount(s: Sql, m: Match, cap: number): Promise<number> {
  const q = tsQuery(m);
  const row = await s.get(
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "Conflict" WHERE "searchVector" @@ (${q.text}) LIMIT ${cap}) x`,
    q.params,
  );
  return Number(row?.n ?? 0);
}

/** The newest `limit` resolved cases matching `m`: FTS order on SQLite, the resolvedAt order on PostgreSQL. */
export async function candidates(s: Sql, m: Match, limit: number): Promise<Candidate[]> {
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

export const withRanks = (words: string[], found: Candidate[]): Candidate[] => {
  const ranks = wordRanks(words, found);
  return found.map((c) => ({ ...c, textRank: ranks.get(c.id) ?? 0 }));
};

/**
 * The matched part of each rationale, words marked; only for the rows of the page. `ftsRows`: each
 * case's row in the FTS table (SQLite; Candidate.ftsRow).
 */
export async function excerpts(
  s: Sql,
  ids: string[],
  words: string[],
  ftsRows: Map<string, number>,
): Promise<Map<string, string>> {
  if (ids.length === 0 || words.length === 0) return new Map();
  const list = ids.map(() => "?").join(", ");
  let rows: Row[];
  if (s.provider === "sqlite") {
    // by the FTS rowid: "conflictId" is not indexed inside the FTS table
    rows = await s.all(
      `SELECT "conflictId" AS "id", snippet("ConflictSearch", 2, '${MARK_START}', '${MARK_END}', '…', 48) AS "excerpt"
       FROM "ConflictSearch" WHERE "ConflictSearch" MATCH ? AND rowid IN (${list})`,
      [`${TEXT_COLUMNS} : (${quoted(words, "OR")})`, ...ids.map((id) => ftsRows.get(id) ?? -1)],
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
