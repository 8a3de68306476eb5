// Channel-conflict cases, read side: the list behind /conflicts, /portal/conflicts and
// GET /api/v1/conflicts, and the counts the dashboards link to it with. The list and the count are
// built from one where clause (conflictWhere), so a dashboard number and the list it opens agree.
// Partners read the cases they are party to in neutral words: the other side is "the vendor" or
// "another partner", never a name or a count (docs/domain.md#roles-and-visibility).
import "server-only";
import { addDays } from "date-fns";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import {
  conflictFilters,
  conflictListQuery,
  conflictQueryString,
  type ConflictFilters,
  type ConflictListQuery,
} from "@/lib/validation/conflict-filters";
import { LEAD_ROUTES } from "@/lib/council";
import { db } from "./client";
import { paginate, scalar, type Page, type SortColumn } from "./pagination";
import { conflictAeScope, conflictScope, conflictSliceScope } from "./scope";
import type { Prisma } from "./generated/sqlite/client";

const SORTS: Record<ConflictListQuery["sort"], SortColumn> = { slaDueAt: scalar(), openedAt: scalar() };
/** The most urgent first; the newest first when sorted by opening. */
const DEFAULT_DIR: Record<ConflictListQuery["sort"], "asc" | "desc"> = { slaDueAt: "asc", openedAt: "desc" };

const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The caller's scope AND the filters: the one where clause of both the list and the count. */
export function conflictWhere(ctx: Ctx, f: ConflictFilters, now: Date): Prisma.ConflictWhereInput {
  // which partner or AE is party to a case is vendor knowledge: a partner's filters on them are ignored
  const parties = can(ctx, "conflict:read-parties");
  const and: Prisma.ConflictWhereInput[] = [conflictScope(ctx)];
  if (f.slice === "mine") and.push(conflictSliceScope(ctx));
  if (f.status !== "ALL") and.push({ status: f.status });
  if (f.type) and.push({ type: f.type });
  if (f.level) and.push({ level: f.level });
  if (f.overdue) and.push({ status: "OPEN", slaDueAt: { lt: now } });
  if (f.accountId) and.push({ accountId: f.accountId });
  if (f.region) and.push({ account: { region: { code: f.region } } });
  if (f.openedFrom) and.push({ openedAt: { gte: startOfDay(f.openedFrom) } });
  if (f.openedTo) and.push({ openedAt: { lt: addDays(startOfDay(f.openedTo), 1) } });
  if (parties && f.partnerId) and.push({ parties: { some: { partnerId: f.partnerId } } });
  if (parties && f.aeId) and.push(conflictAeScope(f.aeId));
  if (parties && f.tier) and.push({ parties: { some: { partner: { tier: f.tier } } } });
  if (f.rule) and.push(routedByRule(f.rule));
  if (f.partnerOutcome) and.push(partnerOutcomeWhere(f.partnerOutcome, parties ? f.partnerId : ctx.partnerId));
  // revenue council filters (lib/db/council-metrics.ts counts with the same conditions)
  if (f.resolvedFrom) and.push({ resolvedAt: { gte: startOfDay(f.resolvedFrom) } });
  if (f.resolvedTo) and.push({ resolvedAt: { lt: addDays(startOfDay(f.resolvedTo), 1) } });
  if (f.lead) and.push({ opportunity: { route: { in: [...LEAD_ROUTES[f.lead]] } } });
  return { AND: and };
}

/** Resolved with this partner's (any partner's without one) full credit, or none: lib/scorecards conflictOutcome. */
function partnerOutcomeWhere(outcome: "won" | "lost", partnerId: string | null | undefined): Prisma.ConflictWhereInput {
  return {
    status: "RESOLVED",
    parties: {
      some: {
        kind: "PARTNER",
        ...(partnerId ? { partnerId } : {}),
        creditPct: outcome === "won" ? { gte: 100 } : { lte: 0 },
      },
    },
  };
}

/** The deal's routing rule as the conflict-pattern report counts it (lib/db/conflict-patterns.ts). */
function routedByRule(ruleId: string): Prisma.ConflictWhereInput {
  return {
    OR: [
      { opportunity: { routeDecision: { ruleId } } },
      {
        AND: [
          { OR: [{ opportunityId: null }, { opportunity: { routeDecisionId: null } }] },
          { registrations: { some: { registration: { routeDecision: { ruleId } } } } },
        ],
      },
    ],
  };
}

/** How many cases the list with these filters holds (the number a dashboard shows and links). */
export async function countConflicts(ctx: Ctx, filters: ConflictFilters, now = new Date()): Promise<number> {
  return db.conflict.count({ where: conflictWhere(ctx, filters, now) });
}

const partySelect = {
  id: true,
  kind: true,
  partnerId: true,
  creditPct: true,
  partner: { select: { name: true } },
  user: { select: { id: true, name: true } },
} satisfies Prisma.ConflictPartySelect;

type PartyRow = Prisma.ConflictPartyGetPayload<{ select: typeof partySelect }>;

/** One side of a case as its reader may see it. `partnerId`/`userId` only for vendor staff. */
export type PartyView = {
  kind: "PARTNER" | "DIRECT";
  label: string;
  self: boolean;
  creditPct: number | null;
  /** The party row (a resolution names winners and splits by it): staff only. */
  id?: string;
  partnerId?: string | null;
  userId?: string | null;
};

export const VENDOR_LABEL = "The vendor";
export const OTHER_PARTNER_LABEL = "Another partner";

const sumCredit = (rows: PartyRow[]): number | null =>
  rows.some((r) => r.creditPct !== null) ? rows.reduce((a, r) => a + (r.creditPct ?? 0), 0) : null;

/**
 * The parties for this reader. Staff get every party by name. A partner gets itself, "the vendor"
 * for the direct side and one "another partner" for all other partners together (their credit
 * summed), so neither a name nor the number of competing partners shows.
 */
export function partiesFor(ctx: Ctx, rows: PartyRow[]): PartyView[] {
  if (can(ctx, "conflict:read-parties")) {
    return rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      label: p.kind === "PARTNER" ? (p.partner?.name ?? "Partner") : `Direct${p.user ? ` (${p.user.name})` : ""}`,
      self: false,
      creditPct: p.creditPct,
      partnerId: p.partnerId,
      userId: p.user?.id ?? null,
    }));
  }
  const own = rows.filter((p) => p.kind === "PARTNER" && p.partnerId === ctx.partnerId);
  const vendor = rows.filter((p) => p.kind === "DIRECT");
  const others = rows.filter((p) => p.kind === "PARTNER" && p.partnerId !== ctx.partnerId);
  const out: PartyView[] = [];
  if (own.length)
    out.push({ kind: "PARTNER", label: own[0].partner?.name ?? "Your company", self: true, creditPct: sumCredit(own) });
  if (vendor.length) out.push({ kind: "DIRECT", label: VENDOR_LABEL, self: false, creditPct: sumCredit(vendor) });
  if (others.length)
    out.push({ kind: "PARTNER", label: OTHER_PARTNER_LABEL, self: false, creditPct: sumCredit(others) });
  return out;
}

const listSelect = {
  id: true,
  type: true,
  status: true,
  level: true,
  summary: true,
  slaDueAt: true,
  openedAt: true,
  resolvedAt: true,
  resolution: true,
  account: { select: { id: true, name: true, region: { select: { code: true } } } },
  opportunity: { select: { id: true, name: true, partnerId: true } },
  parties: { select: partySelect, orderBy: { id: "asc" } },
  registrations: {
    select: { registration: { select: { accountName: true, partnerId: true, submittedAt: true } } },
  },
} satisfies Prisma.ConflictSelect;

type ListRow = Prisma.ConflictGetPayload<{ select: typeof listSelect }>;
export type ConflictListRow = Omit<ListRow, "parties" | "opportunity" | "registrations"> & {
  /** What the case is about, in words: the account, else the company as the (reader's own) registration names it. */
  subject: string;
  parties: PartyView[];
  /** The deal, when the reader may see it (a partner: only its own). */
  opportunity: { id: string; name: string } | null;
};

/** The deal of a case for this reader: a partner sees only an opportunity it sells itself. */
export function opportunityFor(ctx: Ctx, o: { id: string; name: string; partnerId: string | null } | null) {
  if (!o) return null;
  if (!can(ctx, "conflict:read-parties") && o.partnerId !== ctx.partnerId) return null;
  return { id: o.id, name: o.name };
}

type SubjectRow = {
  account: { name: string } | null;
  opportunity: { name: string } | null;
  registrations: { registration: { accountName: string; partnerId: string; submittedAt: Date } }[];
};

/** The case's subject for this reader: a partner names it only by its own registration or the account. */
export function subjectFor(ctx: Ctx, row: SubjectRow): string {
  if (row.account) return row.account.name;
  const staff = can(ctx, "conflict:read-parties");
  const regs = row.registrations
    .map((l) => l.registration)
    .filter((r) => staff || r.partnerId === ctx.partnerId)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return regs[0]?.accountName ?? (staff ? row.opportunity?.name : null) ?? "Unnamed account";
}

function toListRow(ctx: Ctx, { registrations, ...row }: ListRow): ConflictListRow {
  return {
    ...row,
    subject: subjectFor(ctx, { ...row, registrations }),
    parties: partiesFor(ctx, row.parties),
    opportunity: opportunityFor(ctx, row.opportunity),
  };
}

/** A page of cases in the caller's scope and slice, the earliest SLA first by default. */
export async function listConflicts(ctx: Ctx, q: ConflictListQuery, now = new Date()): Promise<Page<ConflictListRow>> {
  const where = conflictWhere(ctx, q, now);
  const page = await paginate<ListRow, Prisma.ConflictWhereInput, Prisma.ConflictOrderByWithRelationInput>(
    (args) =>
      db.conflict.findMany({
        where: { AND: [where, args.where] },
        orderBy: args.orderBy,
        take: args.take,
        select: listSelect,
      }),
    (take) => db.conflict.count({ where, take }),
    {
      list: "conflicts",
      ctx,
      sort: q.sort,
      column: SORTS[q.sort],
      dir: q.dir ?? DEFAULT_DIR[q.sort],
      after: q.after,
      before: q.before,
      pageSize: q.pageSize,
    },
  );
  return { ...page, items: page.items.map((r) => toListRow(ctx, r)) };
}

/** The account executives a staff reader may filter cases by (none for a partner). */
export async function listConflictAeOptions(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  if (!can(ctx, "conflict:read-parties")) return [];
  return db.user.findMany({
    where: { role: "AE", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type ConflictTile = { count: number; href: string };

/**
 * A dashboard number and the link to exactly what it counts: the /conflicts view of these filters
 * and countConflicts over the same parsed filters (lib/validation/conflict-filters.ts).
 */
export async function conflictTile(
  ctx: Ctx,
  params: Partial<Record<keyof ConflictFilters, string>>,
  now = new Date(),
): Promise<ConflictTile> {
  const query = conflictQueryString(params);
  const count = await countConflicts(ctx, conflictFilters(params), now);
  return { count, href: query ? `/conflicts?${query}` : "/conflicts" };
}

/** The first page of a dashboard's conflict view, and the link to the whole of it. */
export async function conflictPreview(
  ctx: Ctx,
  params: Partial<Record<keyof ConflictFilters, string>>,
  take = 10,
  now = new Date(),
): Promise<ConflictTile & { rows: ConflictListRow[] }> {
  const query = conflictQueryString(params);
  const page = await listConflicts(ctx, conflictListQuery.parse({ ...params, pageSize: take }), now);
  return { rows: page.items, count: page.total, href: query ? `/conflicts?${query}` : "/conflicts" };
}

/** The cases a registration or an opportunity is in, newest first, as the caller may see them (for links from its page). */
export async function listCasesOn(
  ctx: Ctx,
  subject: { registrationId: string } | { opportunityId: string },
): Promise<{ id: string; type: string; status: string; level: number }[]> {
  const on: Prisma.ConflictWhereInput =
    "registrationId" in subject
      ? { registrations: { some: { registrationId: subject.registrationId } } }
      : { opportunityId: subject.opportunityId };
  return db.conflict.findMany({
    where: { AND: [conflictScope(ctx), on] },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: 10,
    select: { id: true, type: true, status: true, level: true },
  });
}
