// The discount-leakage report (docs/domain.md#pricing-guardrails): the won deals closed in a period
// whose discount went beyond their corridor, in the caller's scope (opportunityScope: an AE sees its
// own deals), totalled and per route, product line and AE. Each figure carries the opportunity-list
// query of exactly its deals; the report reads its deals through the same where clause
// (lib/db/pricing-filters.ts), so the figure and the list agree.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden } from "@/lib/errors";
import { humanize } from "@/lib/format";
import { summarizeLeakage, type LeakageFigure } from "@/lib/pricing/guardrails";
import { leakageListQuery, opportunitiesHref, type LeakageSlice } from "@/lib/pricing/links";
import type { Period } from "@/lib/pricing/period";
import { NO_AE, opportunityListQuery } from "@/lib/validation/lists";
import { db } from "./client";
import { opportunityListWhere } from "./opportunities";

export type LeakageLine = LeakageFigure & { key: string; label: string; href: string };
export type LeakageReport = {
  period: Period;
  total: LeakageFigure & { href: string };
  byRoute: LeakageLine[];
  byProductLine: LeakageLine[];
  byAe: LeakageLine[];
};

/** A quarter of won deals is a few thousand rows at most even at a million opportunities. */
const MAX_DEALS = 100_000;

/** The opportunity list's own where clause for the figure's query: the figure counts what the list shows. */
function whereFor(ctx: Ctx, period: Period, slice: LeakageSlice = {}) {
  return opportunityListWhere(ctx, opportunityListQuery.parse(leakageListQuery(period, slice)));
}

export async function leakageReport(ctx: Ctx, period: Period): Promise<LeakageReport> {
  if (!can(ctx, "pricing:read")) throw forbidden("You cannot read the discount-leakage report");
  const deals = await db.opportunity.findMany({
    where: whereFor(ctx, period),
    select: {
      discountPct: true,
      corridorMaxPct: true,
      listPriceCents: true,
      acvCents: true,
      route: true,
      productLineId: true,
      aeId: true,
    },
    take: MAX_DEALS,
  });
  const s = summarizeLeakage(deals);
  const [lines, aes] = await Promise.all([
    db.productLine.findMany({
      where: { id: { in: s.byProductLine.map((g) => g.key) } },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { id: { in: s.byAe.flatMap((g) => (g.key ? [g.key] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  const href = (slice: LeakageSlice) => opportunitiesHref(leakageListQuery(period, slice));
  return {
    period,
    total: { ...s.total, href: href({}) },
    byRoute: s.byRoute.map((g) => ({
      ...g,
      key: g.key ?? "",
      label: humanize(g.key),
      href: href({ route: g.key ?? undefined }),
    })),
    byProductLine: s.byProductLine.map((g) => ({
      ...g,
      label: lines.find((l) => l.id === g.key)?.name ?? "Unknown product line",
      href: href({ productLineId: g.key }),
    })),
    byAe: s.byAe.map((g) => ({
      ...g,
      key: g.key ?? NO_AE,
      label: g.key ? (aes.find((u) => u.id === g.key)?.name ?? "Former user") : "No AE",
      href: href({ aeId: g.key ?? NO_AE }),
    })),
  };
}
