// The opportunity workflow in the demo (docs/domain.md#opportunities, lib/db/opportunity-writes.ts):
// why lost deals were lost, and a few open direct deals whose ACV grew past a band after they were
// routed, so the rules now say another route; the deal kept its route (an edit never moves it) and
// waits, flagged, for channel operations to accept the new one. Deals with partners attached at
// $1M and more, and partner touches on direct deals, come from prisma/seed/direct.ts. Pure.
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { Facts } from "../../lib/rules";
import { seedId } from "./ids";
import type { Random } from "./random";
import type { Router } from "./routing";
import { addDays, DAY } from "./time";
import { staffUser, type World } from "./world";

const LOST_REASONS = [
  "Chose a competitor on price",
  "No budget this fiscal year",
  "Project cancelled after a reorganisation",
  "Stayed with the incumbent vendor",
  "Went quiet after the proposal",
  "Security review not passed in time",
];

const FLAGGED_DEALS = 5;

export function generateOpportunityWorkflow(rng: Random, world: World, router: Router): void {
  const { rows, now } = world;
  for (const opp of rows.opportunities) {
    if (opp.stage === "CLOSED_LOST") opp.lostReason = rng.pick(LOST_REASONS);
  }
  const decisions = new Map(rows.decisions.map((d) => [d.id, d]));
  // open direct deals the rules gave to partners (under $250K), without a partner: the AE kept working them
  const candidates = rows.opportunities.filter(
    (o) =>
      o.source === "DIRECT" &&
      o.route === "PARTNER_LED" &&
      !o.partnerId &&
      o.stage !== "CLOSED_WON" &&
      o.stage !== "CLOSED_LOST" &&
      Number(o.acvCents) < 25_000_000 &&
      decisions.has(o.routeDecisionId ?? ""),
  );
  let events = 0;
  let flagged = 0;
  for (const opp of candidates) {
    if (flagged === FLAGGED_DEALS) break;
    const original = decisions.get(opp.routeDecisionId!)!;
    const createdAt = new Date(opp.createdAt!);
    const editedAt = new Date(Math.min(now.getTime() - DAY, addDays(createdAt, rng.int(5, 30)).getTime()));
    if (editedAt <= createdAt) continue;
    const acvCents = rng.int(30, 90) * 1_000_000; // $300K–$900K: past the $250K band
    const facts: Facts = {
      ...(original.facts as Facts),
      acv: acvCents,
      priorRoute: "PARTNER_LED",
      at: editedAt.toISOString(),
    };
    if (router.peek(facts).route === opp.route) continue; // another rule still says partner-led
    const decision = router.decide("OPPORTUNITY", opp.id!, facts);
    const stored = rows.decisions[rows.decisions.length - 1];
    stored.flaggedForReview = true;
    const reason = `Kept PARTNER_LED: under rule set v${decision.ruleSetVersion}, ${
      decision.ruleName ? `rule "${decision.ruleName}"` : "the default outcome"
    } would route it ${decision.route}.`;
    Object.assign(opp, {
      acvCents: BigInt(acvCents),
      flaggedRoute: decision.route,
      flaggedDecisionId: decision.id,
      flaggedReason: reason,
      flaggedAt: editedAt,
      updatedAt: editedAt,
    } satisfies Partial<Prisma.OpportunityCreateManyInput>);
    flagged++;
    const ae = rows.users.find((u) => u.id === opp.aeId);
    const actor = { actorId: ae?.id ?? null, actorLabel: ae?.name ?? staffUser(world, "ops").name };
    const event = (kind: Prisma.OpportunityEventCreateManyInput["kind"], at: Date, more: object) =>
      rows.opportunityEvents.push({ id: seedId("oev", ++events), opportunityId: opp.id!, kind, at, ...actor, ...more });
    event("CREATED", createdAt, {
      toValue: "PARTNER_LED",
      body: `Routed PARTNER_LED under rule set v${original.ruleSetVersion}`,
    });
    event("UPDATED", editedAt, { body: "Changed ACV" });
    event("ROUTE_FLAGGED", editedAt, { fromValue: "PARTNER_LED", toValue: decision.route, body: reason });
  }
}
