// Finding a deal by typing its name (the decision explorer's picker, components/rules/deal-picker.tsx):
// deals whose name, or whose account's name, starts with the text, ignoring case, one page of
// DEAL_SEARCH_LIMIT. Scoped like every opportunity read (scope.ts opportunityScope), so a caller never
// sees a deal outside its book, and partners are refused: the explorer is a staff tool.
//
// Held at a million deals by the shape of the query, not by luck:
// - a caller who sees every deal (operations, executives) searches through the indexes on lower(name)
//   (prisma/migrations/*_deal_name_search): one contiguous range read in order, stopped after a page;
// - a scoped caller (an AE, a partner manager) reads a wider window of the same ranges and keeps its own
//   deals; when that window holds too few (a small book under a common prefix), it searches its own
//   book, which its scope's index (Opportunity aeId / partnerId) bounds.
// Either way the final read carries the caller's scope in its where clause.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { db, sql } from "./client";
import { opportunityScope, partnerScope } from "./scope";
import { startsWithText } from "./text";

export const DEAL_SEARCH_LIMIT = 10;
const MAX_QUERY = 200;

export type DealOption = {
  id: string;
  name: string;
  account: { id: string; name: string };
  stage: string;
  acvCents: number;
  currency: string;
};

const select = {
  id: true,
  name: true,
  stage: true,
  acvCents: true,
  currency: true,
  account: { select: { id: true, name: true } },
} as const;

/** Deals the caller may read whose name or account name starts with `q` (case ignored), by name. */
export async function searchDeals(ctx: Ctx, q: string): Promise<DealOption[]> {
  if (ctx.role === "PARTNER" || !can(ctx, "opportunity:read") || !can(ctx, "route:evaluate"))
    throw forbidden("The decision explorer is for staff");
  const text = q.trim().slice(0, MAX_QUERY);
  if (!text) return [];
  const scope = opportunityScope(ctx);
  const everyDeal = Object.keys(scope).length === 0;
  // The first matches by name from the indexes, filtered by the caller's scope. A caller who sees every
  // deal needs one page of them; a scoped one a window wide enough to hold a page of its own deals
  // (an AE with 9% of a million deals: ~35 of 400).
  const window = everyDeal ? DEAL_SEARCH_LIMIT : SCOPED_WINDOW;
  const candidates = await prefixCandidates(text, window);
  let rows = await db.opportunity.findMany({
    where: { AND: [scope, { id: { in: candidates } }] },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: DEAL_SEARCH_LIMIT,
  });
  // A small book under a common prefix: the window held too few of the caller's deals, so search the
  // book itself, which its scope's index bounds (Opportunity aeId / partnerId).
  if (!everyDeal && rows.length < DEAL_SEARCH_LIMIT && candidates.length >= window)
    rows = await searchBook(scope, text);
  return rows.map((r) => ({ ...r, acvCents: Number(r.acvCents) }));
}

// per index range; both ranges' ids together stay under the 999 bound parameters Prisma allows SQLite
const SCOPED_WINDOW = 400;

async function searchBook(scope: ReturnType<typeof opportunityScope>, text: string) {
  // Prisma's startsWith is a LIKE that reads % and _ as wildcards: ask for the part before the first
  // one (a looser filter) and keep the rows that really start with the text
  const literal = text.split(/[%_]/)[0];
  const rows = await db.opportunity.findMany({
    where: {
      AND: [scope, { OR: [{ name: startsWithText(literal) }, { account: { name: startsWithText(literal) } }] }],
    },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: literal === text ? DEAL_SEARCH_LIMIT : 500,
  });
  const lower = text.toLowerCase();
  return rows
    .filter((r) => r.name.toLowerCase().startsWith(lower) || r.account.name.toLowerCase().startsWith(lower))
    .slice(0, DEAL_SEARCH_LIMIT);
}

export type PartnerOption = { id: string; name: string; type: string; tier: string };

/** Partners by the start of their name, for the explorer's partner fact (staff only; names, not ids). */
export async function searchPartners(ctx: Ctx, q: string): Promise<PartnerOption[]> {
  if (ctx.role === "PARTNER" || !can(ctx, "route:evaluate")) throw forbidden("The decision explorer is for staff");
  const text = q.trim().slice(0, MAX_QUERY);
  if (!text) return [];
  const lower = text.toLowerCase();
  const rows = await db.partner.findMany({
    // a few thousand partners at most: the caller's scope and a prefix, then the exact test (see above for % and _)
    where: { AND: [partnerScope(ctx), { name: startsWithText(text.split(/[%_]/)[0]) }] },
    select: { id: true, name: true, type: true, tier: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.filter((p) => p.name.toLowerCase().startsWith(lower)).slice(0, DEAL_SEARCH_LIMIT);
}

/** Ids of the first deals by name starting with `text`, and of the first deals of the first accounts by
 *  name starting with it: each a bounded range of an index on lower(name), in one statement. */
async function prefixCandidates(text: string, limit: number): Promise<string[]> {
  const rows = await sql.session(async (s) => {
    const pg = s.provider === "postgresql";
    const key = (column: string) => (pg ? `(lower(${column}) COLLATE "C")` : `lower(${column})`);
    // every string with the prefix sorts below prefix + the highest code point (byte order, both databases)
    const range = (column: string) =>
      `${key(column)} >= lower(?) AND ${key(column)} < lower(?) || ${pg ? "chr(1114111)" : "char(1114111)"}`;
    return s.all<{ id: string }>(
      `SELECT "id" FROM (SELECT "id" FROM "Opportunity" WHERE ${range('"name"')}
         ORDER BY ${key('"name"')}, "id" LIMIT ?) AS by_name
       UNION
       SELECT "id" FROM (SELECT "id" FROM "Opportunity" WHERE "accountId" IN (
           SELECT "id" FROM "Account" WHERE ${range('"name"')} ORDER BY ${key('"name"')}, "id" LIMIT ?)
         ORDER BY "name", "id" LIMIT ?) AS by_account`,
      [text, text, limit, text, text, limit, limit],
    );
  });
  return rows.map((r) => r.id);
}
