// MDF requests in every state (docs/domain.md#mdf) on the first funded partners' funds: this
// quarter's wait for a decision, are approved, rejected or claimed; last quarter's are paid and won
// deals of the partner are linked to them, so ROMI has figures. Deterministic: amounts are a share
// of each fund's balance, no random draws (the funds' own draws stay as they were).
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { IdSequence } from "./ids";
import type { SeedOpportunity } from "./opportunities";
import { addDays, quarterLabel, quarterStart } from "./time";
import { type World, staffUser } from "./world";

const ACTIVITIES = [
  "Joint webinar for IT directors",
  "Regional roadshow, three cities",
  "Trade-show booth share",
  "Customer proof-of-concept workshop",
  "Paid search campaign",
] as const;

type Plan = { status: "REQUESTED" | "APPROVED" | "REJECTED" | "CLAIMED" | "PAID"; quarterOffset: 0 | -1 };
const PLANS: readonly Plan[] = [
  { status: "REQUESTED", quarterOffset: 0 },
  { status: "APPROVED", quarterOffset: 0 },
  { status: "REJECTED", quarterOffset: 0 },
  { status: "CLAIMED", quarterOffset: 0 },
  { status: "PAID", quarterOffset: -1 },
];

export function generateMdfRequests(world: World, opps: readonly SeedOpportunity[]): void {
  const ids = new IdSequence("mdfreq");
  const ops = staffUser(world, "ops");
  const funds = world.rows.mdfFunds;
  const partners = world.partners.filter((p) => funds.some((f) => f.partnerId === p.id)).slice(0, 3);
  for (const p of partners) {
    PLANS.forEach((plan, i) => {
      const quarter = quarterLabel(quarterStart(world.now, plan.quarterOffset));
      const fund = funds.find((f) => f.partnerId === p.id && f.quarter === quarter);
      if (!fund) return;
      const allocated = BigInt(fund.allocatedCents as bigint);
      const spent = BigInt((fund.spentCents as bigint | undefined) ?? 0n);
      // a paid request is part of the spend already seeded; the others take a tenth of what is left
      const base = plan.status === "PAID" ? spent / 4n : (allocated - spent) / 10n;
      const amount = (base / 10_000n) * 10_000n; // whole $100s
      if (amount <= 0n) return;
      const at = addDays(quarterStart(world.now, plan.quarterOffset), 5 + i * 3);
      const decided = plan.status !== "REQUESTED";
      const claimed = plan.status === "CLAIMED" || plan.status === "PAID";
      const row: Prisma.MdfRequestCreateManyInput = {
        id: ids.next(),
        fundId: fund.id!,
        partnerId: p.id,
        activity: ACTIVITIES[i],
        amountCents: amount,
        expectedPipelineCents: amount * 20n,
        status: plan.status,
        requestedById: p.userId,
        requestedAt: at,
        decidedById: decided ? p.managerId : null,
        decidedAt: decided ? addDays(at, 2) : null,
        decisionReason:
          plan.status === "REJECTED" ? "Outside this quarter's plan: propose it again next quarter" : null,
        claimedById: claimed ? p.userId : null,
        claimedAt: claimed ? addDays(at, 20) : null,
        paidById: plan.status === "PAID" ? ops.id : null,
        paidAt: plan.status === "PAID" ? addDays(at, 25) : null,
      };
      world.rows.mdfRequests.push(row);
      if (plan.status !== "PAID" && plan.status !== "REJECTED")
        fund.committedCents = BigInt((fund.committedCents as bigint | undefined) ?? 0n) + amount;
      if (plan.status === "PAID") {
        const won = opps.filter((o) => o.partner?.id === p.id && o.stage === "CLOSED_WON" && o.source === "PARTNER");
        for (const o of won.slice(0, 2)) (o.row as { mdfRequestId?: string }).mdfRequestId = row.id;
      }
    });
  }
}
