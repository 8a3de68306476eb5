// Shared set-up for the conflict integration tests: cases opened the way the product opens them.
import { db } from "@/lib/db/client";
import { submitRegistration } from "@/lib/db/registration-submit";
import { ctxFor } from "../../support/contexts";

let n = 0;

export function deal(label = "Conflict") {
  n++;
  const slug = `${label.toLowerCase().replace(/[^a-z]/g, "")}${n}${Date.now() % 100_000}`;
  return {
    account: {
      name: `${label} Works ${slug} Ltd`,
      domain: `${slug}.example`,
      country: "US",
      vertical: "RETAIL" as const,
    },
    productLine: "Platform",
    estimatedAcv: 10_000_000,
    expectedCloseDate: "2027-06-30",
  };
}

/** Alice (Northwind) registers a company, then Bob (Contoso) the same: a DUPLICATE_REGISTRATION case. */
export async function duplicateCase(now = new Date(Date.now() - 5 * 60_000)) {
  const alice = await ctxFor("alice@northwind.test");
  const bob = await ctxFor("bob@contoso.test");
  const d = deal("Duplicate");
  const first = await submitRegistration(alice, d, { now });
  const second = await submitRegistration(bob, d, { now: new Date(now.getTime() + 60_000) });
  if (second.conflict?.type !== "DUPLICATE_REGISTRATION") throw new Error("expected a duplicate");
  const link = await db.conflictRegistration.findFirstOrThrow({
    where: { registrationId: second.id, conflict: { type: "DUPLICATE_REGISTRATION" } },
    select: { conflictId: true },
  });
  const parties = await db.conflictParty.findMany({ where: { conflictId: link.conflictId } });
  const party = (partnerId: string | null) => parties.find((p) => p.partnerId === partnerId)!.id;
  return {
    id: link.conflictId,
    alice,
    bob,
    aliceReg: first.id,
    bobReg: second.id,
    aliceParty: party(alice.partnerId),
    bobParty: party(bob.partnerId),
  };
}

/** An open direct opportunity of ae@accord.test with no open case on it. */
export async function directOpportunity() {
  const ae = await ctxFor("ae@accord.test");
  const opp = await db.opportunity.findFirstOrThrow({
    where: {
      aeId: ae.userId!,
      partnerId: null,
      stage: { in: ["PROSPECT", "QUALIFIED", "PROPOSAL", "NEGOTIATION"] },
      conflicts: { none: { status: "OPEN" } },
    },
    select: { id: true, accountId: true, route: true },
    orderBy: { id: "asc" },
  });
  return { ae, opp };
}

export const eventsOf = (conflictId: string) =>
  db.conflictEvent.findMany({ where: { conflictId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
export const auditsOf = (conflictId: string, action?: string) =>
  db.auditEvent.count({ where: { entityType: "Conflict", entityId: conflictId, ...(action ? { action } : {}) } });
