// The opportunity write path (docs/domain.md#opportunities): create, edit, stage changes and close,
// the review flag when the rules re-run to another route (sticky ownership), partner touches.
// Every write runs in one transaction with its timeline event, audit event and the three hooks:
// attribution (lib/db/attribution-writes.ts), pricing guardrails (lib/db/pricing-guardrails.ts) and
// the coverage gap queue (lib/db/handoff-writes.ts).
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { Route, Stage } from "@/lib/rules/values";
import type {
  OpportunityCreateInput,
  OpportunityUpdateInput,
  StageChangeInput,
  TouchInput,
} from "@/lib/validation/opportunities";

export type OpportunityWriteResult = {
  id: string;
  route: Route | null;
  stage: Stage;
  /** The route the rules chose on this write when sticky ownership kept the old one (flagged for review). */
  flaggedRoute: Route | null;
  /** needsPartner(route, partnerId) after the write (lib/opportunities/coverage.ts). */
  partnerNeeded: boolean;
  updatedAt: string;
};

const notYet = () => new AppError("INTERNAL", "not implemented");

/** An AE creates its own deal; channel operations on an AE's behalf (input.aeId). Route by the rules in force. */
export async function createOpportunity(
  ctx: Ctx,
  input: OpportunityCreateInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  void [ctx, input, now];
  throw notYet();
}

/** Edits the fields; re-runs the rules with priorRoute = the current route; a changed outcome is flagged, not applied. */
export async function updateOpportunity(
  ctx: Ctx,
  id: string,
  input: OpportunityUpdateInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  void [ctx, id, input, now];
  throw notYet();
}

/** Any stage change, closing included (a lost deal needs its reason); 409 when the stage moved meanwhile. */
export async function moveStage(
  ctx: Ctx,
  id: string,
  input: StageChangeInput,
  now = new Date(),
): Promise<OpportunityWriteResult> {
  void [ctx, id, input, now];
  throw notYet();
}

/** Closes won or lost: moveStage to CLOSED_WON / CLOSED_LOST. */
export async function closeOpportunity(
  ctx: Ctx,
  id: string,
  input: { outcome: "CLOSED_WON" | "CLOSED_LOST"; expectedStage: Stage; lostReason?: string | null },
  now = new Date(),
): Promise<OpportunityWriteResult> {
  return moveStage(
    ctx,
    id,
    { stage: input.outcome, expectedStage: input.expectedStage, lostReason: input.lostReason },
    now,
  );
}

/** Channel operations accept the route a re-run flagged (explicit, audited). */
export async function acceptFlaggedRoute(ctx: Ctx, id: string, now = new Date()): Promise<OpportunityWriteResult> {
  void [ctx, id, now];
  throw notYet();
}

/** Records a partner touch on the deal (AE on its own deal, channel operations on any). */
export async function addPartnerTouch(
  ctx: Ctx,
  id: string,
  input: TouchInput,
  now = new Date(),
): Promise<{ id: string }> {
  void [ctx, id, input, now];
  throw notYet();
}
