// The facts an existing opportunity's route was decided on, for the decision explorer ("why did
// this deal go there, and what if…"). Scoped like every opportunity read: an id outside the
// caller's scope is indistinguishable from a missing one.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { parseFacts, type Facts, type Route } from "@/lib/rules";
import { db } from "./client";
import { opportunityScope, partnerScope } from "./scope";

export type OpportunityFacts = {
  id: string;
  name: string;
  account: { id: string; name: string };
  route: Route | null;
  /** null when the opportunity has no stored decision (or its stored facts no longer validate). */
  facts: Facts | null;
  /** The name of the partner the facts name by id (the explorer shows names), when there is one. */
  partnerName: string | null;
  ruleSetId: string | null;
  ruleSetVersion: number | null;
  decidedAt: Date | null;
};

export async function findOpportunityFacts(ctx: Ctx, id: string): Promise<OpportunityFacts | null> {
  if (!can(ctx, "opportunity:read")) throw forbidden();
  const row = await db.opportunity.findFirst({
    where: { AND: [opportunityScope(ctx), { id }] },
    select: {
      id: true,
      name: true,
      account: { select: { id: true, name: true } },
      route: true,
      routeDecision: { select: { facts: true, ruleSetId: true, ruleSetVersion: true, decidedAt: true } },
    },
  });
  if (!row) return null;
  const decision = row.routeDecision;
  // stored facts predate any later schema tightening; re-validate instead of trusting the JSON
  const parsed = decision ? parseFacts(decision.facts) : null;
  const partnerId = parsed?.success ? parsed.data.partnerId : undefined;
  const partner = partnerId
    ? await db.partner.findFirst({ where: { AND: [partnerScope(ctx), { id: partnerId }] }, select: { name: true } })
    : null;
  return {
    id: row.id,
    name: row.name,
    account: row.account,
    route: row.route,
    facts: parsed?.success ? parsed.data : null,
    partnerName: partner?.name ?? null,
    ruleSetId: decision?.ruleSetId ?? null,
    ruleSetVersion: decision?.ruleSetVersion ?? null,
    decidedAt: decision?.decidedAt ?? null,
  };
}
