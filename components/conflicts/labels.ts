// Words for conflict cases on screens: the SLA in words ("2 days overdue"), the outcome as the
// reader may read it, each role's slice. Pure, so they are unit-tested (tests/unit/conflicts/labels.test.ts).
import { formatDistanceStrict } from "date-fns";
import { CONFLICT_LEVEL_DECIDERS } from "@/lib/auth/permissions";
import type { Ctx, Role } from "@/lib/auth/types";

export type SlaState = { tone: "red" | "amber" | "slate" | "green"; text: string };

/** "2 days overdue", "due in 5 hours", or when the case was resolved. */
export function slaState(c: { status: string; slaDueAt: Date; resolvedAt?: Date | null }, now: Date): SlaState {
  if (c.status !== "OPEN") return { tone: "green", text: "Resolved" };
  const distance = formatDistanceStrict(c.slaDueAt, now, { roundingMethod: "floor" });
  if (c.slaDueAt <= now) return { tone: "red", text: `${distance} overdue` };
  const soon = c.slaDueAt.getTime() - now.getTime() < 86_400_000;
  return { tone: soon ? "amber" : "slate", text: `due in ${distance}` };
}

export const RESOLUTION_LABEL: Record<string, string> = {
  AWARD_PARTNER: "Awarded to a partner",
  AWARD_DIRECT: "Awarded to the direct team",
  SPLIT: "Split credit",
  CO_SELL: "Co-sell",
  DISMISSED: "Dismissed",
};

/**
 * The outcome in a partner's words, from the parties as it reads them (lib/db/conflicts.ts
 * partiesFor): its own share, never who else won. An award without recorded credits goes to the
 * only partner on the case when the reader is that partner.
 */
export function partnerOutcome(
  resolution: string | null,
  parties: readonly { self: boolean; kind: string; creditPct: number | null }[],
): string {
  const own = parties.find((p) => p.self)?.creditPct ?? null;
  const otherPartners = parties.some((p) => !p.self && p.kind === "PARTNER");
  switch (resolution) {
    case null:
      return "Awaiting a decision";
    case "AWARD_PARTNER":
      if (own === 100 || (own === null && !otherPartners)) return "Awarded to your company";
      return own === null ? "Awarded to a partner" : "Awarded to another party";
    case "AWARD_DIRECT":
      return "Awarded to the vendor's direct team";
    case "SPLIT":
      return `Credit split: your share ${own ?? 0}%`;
    case "CO_SELL":
      return "Co-sell with the vendor";
    case "DISMISSED":
      return "Dismissed: no change to your registration";
    default:
      return resolution;
  }
}

/** The levels whose cases this executive decides (lib/auth/permissions.ts CONFLICT_LEVEL_DECIDERS). */
function execLevels(ctx: Pick<Ctx, "role" | "title">): number[] {
  return Object.entries(CONFLICT_LEVEL_DECIDERS)
    .filter(([, d]) => d.roles.includes(ctx.role) && !!ctx.title && !!d.titles?.includes(ctx.title))
    .map(([level]) => Number(level));
}

const SLICE: Record<Role, string> = {
  ADMIN: "All open cases",
  PARTNER_MANAGER: "My partners",
  AE: "My deals",
  EXEC: "Open cases",
  PARTNER: "Our cases",
};

/** The name of the caller's own slice (lib/db/scope.ts conflictSliceScope). */
export function sliceLabel(ctx: Pick<Ctx, "role" | "title">): string {
  const levels = execLevels(ctx);
  return levels.length ? `My level (${levels.join(", ")})` : SLICE[ctx.role];
}
