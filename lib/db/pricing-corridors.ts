// Pricing corridors (docs/domain.md#pricing-guardrails): the grid of product line × route with
// each cell's maximum discount %, and channel operations' edits to it. An edit writes the corridor,
// its audit event (before and after) and the re-check of the open deals in that cell in one
// transaction; closed deals keep the corridor they closed under, so past leakage does not move.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden } from "@/lib/errors";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { ROUTES, type Route } from "@/lib/rules/values";
import { zodFieldErrors } from "@/lib/validation/errors";
import { corridorInput, type CorridorInput } from "@/lib/validation/pricing";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { opportunityScope } from "./scope";
import { transaction } from "./transaction";

type CorridorCell = {
  route: Route;
  corridorId: string | null;
  maxDiscountPct: number | null;
  /** Deals in the caller's scope flagged beyond this corridor (open: against today's corridor; closed: the one they closed under). */
  breaches: number;
};
export type CorridorRow = { id: string; name: string; kind: string; cells: CorridorCell[] };

/** Every product line × route, set or not, with the deals flagged beyond each corridor. */
export async function listCorridorGrid(ctx: Ctx): Promise<CorridorRow[]> {
  if (!can(ctx, "pricing:read")) throw forbidden("You cannot read pricing corridors");
  const [lines, corridors, breaches] = await Promise.all([
    db.productLine.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    db.pricingCorridor.findMany({ select: { id: true, productLineId: true, route: true, maxDiscountPct: true } }),
    db.opportunity.groupBy({
      by: ["productLineId", "route"],
      where: { AND: [opportunityScope(ctx), { corridorBreach: true }] },
      _count: { _all: true },
    }),
  ]);
  return lines.map((line) => ({
    ...line,
    cells: ROUTES.map((route) => {
      const c = corridors.find((x) => x.productLineId === line.id && x.route === route);
      const b = breaches.find((x) => x.productLineId === line.id && x.route === route);
      return {
        route,
        corridorId: c?.id ?? null,
        maxDiscountPct: c?.maxDiscountPct ?? null,
        breaches: b?._count._all ?? 0,
      };
    }),
  }));
}

const changed = () =>
  new AppError("CONFLICT", "Someone changed this corridor while you were editing it. Reload to see the new value.");

/**
 * Creates or changes one corridor (channel operations). `expectedMaxPct` is what the editor saw:
 * the update is conditional on it, and a create meets the unique key, so two edits at once end
 * with one applied and a 409.
 */
export async function saveCorridor(ctx: Ctx, input: CorridorInput, now = new Date()) {
  if (!can(ctx, "pricing:manage")) throw forbidden("Only channel operations set pricing corridors");
  const parsed = corridorInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields", zodFieldErrors(parsed.error));
  const data = parsed.data;
  try {
    return await transaction(db, async (tx) => {
      const line = await tx.productLine.findUnique({ where: { id: data.productLineId }, select: { id: true } });
      if (!line) throw new AppError("VALIDATION", "Pick a product line", { productLineId: ["Pick a product line"] });
      const key = { productLineId: data.productLineId, route: data.route };
      const before = await tx.pricingCorridor.findUnique({
        where: { productLineId_route: key },
        select: { id: true, maxDiscountPct: true },
      });
      if ((before?.maxDiscountPct ?? null) !== data.expectedMaxPct) throw changed();
      let corridorId: string;
      if (before) {
        const updated = await tx.pricingCorridor.updateMany({
          where: { id: before.id, maxDiscountPct: before.maxDiscountPct },
          data: { maxDiscountPct: data.maxDiscountPct },
        });
        if (updated.count !== 1) throw changed();
        corridorId = before.id;
      } else {
        corridorId = (
          await tx.pricingCorridor.create({
            data: { ...key, maxDiscountPct: data.maxDiscountPct },
            select: { id: true },
          })
        ).id;
      }
      const rechecked = await recheckOpenDeals(tx, key, data.maxDiscountPct);
      await audit(
        tx,
        ctx,
        {
          action: before ? "pricing.corridor.update" : "pricing.corridor.create",
          entityType: "PricingCorridor",
          entityId: corridorId,
          before: before ? { ...key, maxDiscountPct: before.maxDiscountPct } : undefined,
          after: { ...key, maxDiscountPct: data.maxDiscountPct, openDealsRechecked: rechecked },
        },
        now,
      );
      return { id: corridorId, maxDiscountPct: data.maxDiscountPct };
    });
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") throw changed();
    throw error;
  }
}

/**
 * The open deals of the cell take the new corridor: flagged beyond it, cleared within it. Discounts
 * and corridors carry at most two decimals, so "beyond" is more than half a hundredth over
 * (lib/pricing/guardrails.ts compares in hundredths).
 */
async function recheckOpenDeals(tx: Tx, key: { productLineId: string; route: Route }, maxPct: number) {
  const cell = { ...key, stage: { in: [...OPEN_STAGES] } };
  const edge = maxPct + 0.005;
  const beyond = await tx.opportunity.updateMany({
    where: { ...cell, discountPct: { gt: edge } },
    data: { corridorMaxPct: maxPct, corridorBreach: true },
  });
  const within = await tx.opportunity.updateMany({
    where: { ...cell, discountPct: { lte: edge } },
    data: { corridorMaxPct: maxPct, corridorBreach: false },
  });
  return beyond.count + within.count;
}
