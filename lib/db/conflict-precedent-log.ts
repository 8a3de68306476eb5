// The precedent log (docs/domain.md#conflicts-and-escalation, /conflicts/precedents): resolved cases
// matching search words (most relevant first) or, without words, newest first; filtered by type,
// outcome, region and tag. Candidates come from the full-text index (lib/db/conflict-precedent-search.ts).
//
// Every query is bounded so that its cost does not grow with the history (tests/bench/conflicts.bench.ts):
// - with search words, or filtered by region or tag: the newest 500 matches of the words and
//   filter keys (FTS order on SQLite, newest resolution on PostgreSQL), ranked by the words
//   (lib/conflicts/precedent.ts wordRanks) or newest first; the page is cut from them before the
//   join that reads its rows' names.
// - by type or outcome only: the resolved cases newest first along an index (status[, type |
//   resolution], resolvedAt, id), LIMIT page + 1, so no sort of the match set.
//
// Staff only ("conflict:precedents"): the log spans every partner's cases, so partners never see it.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { searchKeys, searchWords } from "@/lib/conflicts/precedent";
import { AppError, forbidden } from "@/lib/errors";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/security/cursor";
import type { PrecedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { db, sql } from "./client";
import {
  type Candidate,
  candidates,
  excerpts,
  factsOf,
  pgCandidates,
  pgCount,
  type ResolvedCase,
  tsQuery,
  withRanks,
} from "./conflict-precedent-search";
import { INVALID_CURSOR, type Page } from "./pagination";
import { asDate, type Row, type Sql } from "./sql";

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

export type PrecedentRow = ResolvedCase & {
  /** The rationale, or the part of it that matched, with MARK_START/MARK_END around matched words. */
  excerpt: string;
  tags: string[];
  accountName: string | null;
  regionName: string | null;
  ruleName: string | null;
};

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
    const marked = await excerpts(s, ids, words, slice.ftsRows);
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
