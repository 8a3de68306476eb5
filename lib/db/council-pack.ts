// The council pack's reads (docs/domain.md#council-pack): the history of meetings, one month's
// meeting with its attendees, decisions and action items, and the pack itself (headline figures,
// trend tables, the auto agenda). Every figure is counted through the same where clause as the list
// it links to, in the reader's own scope (lib/db/scope.ts via conflictWhere / opportunityListWhere).
import "server-only";
import { addDays } from "date-fns";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { buildAgenda, monthOf, shiftMonth, type AgendaInputs } from "@/lib/council-pack";
import { headlineOf, trendTables, type CouncilPack, type MeetingView } from "@/lib/council-pack/pack";
import { forbidden } from "@/lib/errors";
import { FRAMEWORK_DEFS } from "@/lib/maturity";
import { conflictFilters, conflictQueryString } from "@/lib/validation/conflict-filters";
import { monthParam } from "@/lib/validation/council-pack";
import { opportunityListQuery } from "@/lib/validation/lists";
import { db } from "./client";
import { conflictWhere } from "./conflicts";
import type { CouncilMetrics } from "@/lib/council/types";
import { getCouncilMetrics } from "./council-metrics";
import { maturityGaps } from "./maturity";
import { opportunityListWhere } from "./opportunities";

const HISTORY_PAGE_SIZE = 12;

function requireReader(ctx: Ctx) {
  if (!can(ctx, "council-pack:read")) throw forbidden("The council pack is for staff");
}

export type MeetingSummary = {
  id: string;
  month: string;
  heldAt: Date | null;
  attendees: number;
  decisions: number;
  openActions: number;
};

/** The meetings, newest month first, a page at a time. */
export async function listMeetings(
  ctx: Ctx,
  page: number,
): Promise<{ rows: MeetingSummary[]; total: number; pages: number }> {
  requireReader(ctx);
  const [total, rows] = await Promise.all([
    db.councilMeeting.count(),
    db.councilMeeting.findMany({
      orderBy: { month: "desc" },
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: {
        id: true,
        month: true,
        heldAt: true,
        _count: { select: { seats: true, records: true, actionItems: { where: { status: "OPEN" } } } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      month: r.month,
      heldAt: r.heldAt,
      attendees: r._count.seats,
      decisions: r._count.records,
      openActions: r._count.actionItems,
    })),
  };
}

/** One month's meeting, or null when nobody has opened it yet. */
async function findMeeting(ctx: Ctx, month: string): Promise<MeetingView | null> {
  requireReader(ctx);
  const m = await db.councilMeeting.findUnique({
    where: { month: monthParam.parse(month) },
    select: {
      id: true,
      month: true,
      heldAt: true,
      seats: { orderBy: { addedAt: "asc" }, select: { user: { select: { id: true, name: true, title: true } } } },
      records: {
        orderBy: { decidedAt: "asc" },
        select: {
          id: true,
          kind: true,
          text: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
          ruleSet: { select: { id: true, version: true, status: true } },
        },
      },
      actionItems: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          text: true,
          dueDate: true,
          status: true,
          completedAt: true,
          lockVersion: true,
          owner: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!m) return null;
  return {
    id: m.id,
    month: m.month,
    heldAt: m.heldAt,
    attendees: m.seats.map((s) => ({ id: s.user.id, name: s.user.name, title: s.user.title })),
    decisions: m.records.map((d) => ({
      id: d.id,
      kind: d.kind,
      text: d.text,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedBy.name,
      ruleSet: d.ruleSet,
    })),
    actionItems: m.actionItems.map((a) => ({
      id: a.id,
      text: a.text,
      dueDate: a.dueDate,
      status: a.status,
      completedAt: a.completedAt,
      lockVersion: a.lockVersion,
      owner: a.owner,
    })),
  };
}

/** The people who may attend or own an action: active staff, by name. */
export async function listCouncilPeople(ctx: Ctx): Promise<{ id: string; name: string; title: string | null }[]> {
  requireReader(ctx);
  return db.user.findMany({
    where: { active: true, role: { not: "PARTNER" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, title: true },
  });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function agendaInputs(ctx: Ctx, month: string, now: Date, metrics: CouncilMetrics | null) {
  const overdueQuery = { overdue: "true", slice: "all" } as const;
  const disputesQuery = { type: "ATTRIBUTION_DISPUTE", slice: "all" } as const;
  const overdue = conflictFilters(overdueQuery);
  const disputes = conflictFilters(disputesQuery);
  // "at risk": open co-sell deals whose expected close date has passed (yesterday or before)
  const atRiskQuery = { category: "PARTNER_COSELL", open: "yes", closeTo: iso(addDays(now, -1)) } as const;
  const atRiskWhere = opportunityListWhere(ctx, opportunityListQuery.parse(atRiskQuery));
  const [overdueCount, disputeCount, atRisk, gaps] = await Promise.all([
    db.conflict.count({ where: conflictWhere(ctx, overdue, now) }),
    db.conflict.count({ where: conflictWhere(ctx, disputes, now) }),
    db.opportunity.aggregate({ where: atRiskWhere, _count: { _all: true }, _sum: { acvCents: true } }),
    can(ctx, "maturity:read") ? maturityGaps(ctx, now) : Promise.resolve(null),
  ]);
  const mix = metrics?.metrics.find((m) => m.key === "partnerSourcedPct");
  const rules = metrics?.metrics.find((m) => m.key === "escalations")?.breakdown?.slices;
  const inputs: AgendaInputs = {
    month,
    currency: metrics?.currency ?? "USD",
    channelMix: mix
      ? { current: mix.trend.at(-1)?.value ?? null, previous: mix.trend.at(-2)?.value ?? null, href: mix.href }
      : null,
    disputesOpen: { count: disputeCount, href: `/conflicts?${conflictQueryString(disputesQuery)}` },
    coSellAtRisk: {
      count: atRisk._count._all,
      acvCents: Number(atRisk._sum.acvCents ?? 0),
      href: `/opportunities?${new URLSearchParams(atRiskQuery).toString()}`,
    },
    overdueConflicts: { count: overdueCount, href: `/conflicts?${conflictQueryString(overdueQuery)}` },
    topRules: rules ? rules.map((r) => ({ label: r.label, count: r.count, href: r.href })) : null,
    gaps: gaps
      ? gaps.map((g) => ({
          framework: FRAMEWORK_DEFS[g.framework].label,
          dimension: g.label,
          score: g.score,
          period: g.period,
          href: `/maturity/assess?framework=${FRAMEWORK_DEFS[g.framework].slug}&period=${g.period}`,
        }))
      : null,
  };
  return inputs;
}

/**
 * The pack for `month`: the meeting (null when not opened), the council's headline figures and their
 * trend tables (for readers with council:read), and the auto agenda counted in the reader's scope.
 */
export async function getCouncilPack(
  ctx: Ctx,
  month: string,
  now = new Date(),
  locale = "en-US",
): Promise<CouncilPack> {
  requireReader(ctx);
  const m = monthParam.parse(month);
  const [meeting, metrics] = await Promise.all([
    findMeeting(ctx, m),
    can(ctx, "council:read") ? getCouncilMetrics(ctx, m, now) : Promise.resolve(null),
  ]);
  const agenda = buildAgenda(await agendaInputs(ctx, m, now, metrics), locale);
  return {
    month: m,
    isCurrent: m === monthOf(now),
    previousMonth: shiftMonth(m, -1),
    meeting,
    metrics,
    headline: metrics ? headlineOf(metrics, locale) : [],
    trends: metrics ? trendTables(metrics, locale) : [],
    agenda,
  };
}
