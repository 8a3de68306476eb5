// The MDF request state machine (docs/domain.md#mdf): REQUESTED → APPROVED | REJECTED, APPROVED →
// CLAIMED (with proof), CLAIMED → PAID. Pure: lib/db/mdf-writes.ts asks it before every write.
export const MDF_STATUSES = ["REQUESTED", "APPROVED", "REJECTED", "CLAIMED", "PAID"] as const;
export type MdfStatus = (typeof MDF_STATUSES)[number];

export type MdfStep = "approve" | "reject" | "claim" | "pay";

const NEXT: Record<MdfStep, { from: MdfStatus; to: MdfStatus }> = {
  approve: { from: "REQUESTED", to: "APPROVED" },
  reject: { from: "REQUESTED", to: "REJECTED" },
  claim: { from: "APPROVED", to: "CLAIMED" },
  pay: { from: "CLAIMED", to: "PAID" },
};

/** The status a step moves a request to, or null when the step does not apply to its status. */
export function mdfTransition(status: MdfStatus, step: MdfStep): MdfStatus | null {
  return NEXT[step].from === status ? NEXT[step].to : null;
}

/**
 * How a step moves the fund's money. A request reserves its amount at once (committed), so two
 * requests cannot both spend the last of a fund; rejection releases it, payment moves it to spent.
 */
export function fundEffect(step: MdfStep | "request", amountCents: bigint): { committed: bigint; spent: bigint } {
  switch (step) {
    case "request":
      return { committed: amountCents, spent: 0n };
    case "reject":
      return { committed: -amountCents, spent: 0n };
    case "pay":
      return { committed: -amountCents, spent: amountCents };
    default:
      return { committed: 0n, spent: 0n };
  }
}

/** What is left to request: allocated − committed − spent, never below zero. */
export function fundBalance(fund: { allocatedCents: bigint; committedCents: bigint; spentCents: bigint }): bigint {
  const left = fund.allocatedCents - fund.committedCents - fund.spentCents;
  return left > 0n ? left : 0n;
}

/** Whether a fund still takes requests at `now` (no expiry means it does). */
export function fundOpen(fund: { expiresAt: Date | null }, now: Date): boolean {
  return !fund.expiresAt || fund.expiresAt.getTime() > now.getTime();
}
