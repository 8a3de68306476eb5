import { describe, expect, it } from "vitest";
import { fundBalance, fundEffect, fundOpen, MDF_STATUSES, mdfTransition, type MdfStep } from "@/lib/mdf/state";

describe("MDF request state machine (docs/domain.md#mdf)", () => {
  const ALLOWED: Record<MdfStep, Record<string, string>> = {
    approve: { REQUESTED: "APPROVED" },
    reject: { REQUESTED: "REJECTED" },
    claim: { APPROVED: "CLAIMED" },
    pay: { CLAIMED: "PAID" },
  };
  for (const step of Object.keys(ALLOWED) as MdfStep[]) {
    for (const status of MDF_STATUSES) {
      const to = ALLOWED[step][status] ?? null;
      it(`${step} from ${status} → ${to ?? "refused"}`, () => {
        expect(mdfTransition(status, step)).toBe(to);
      });
    }
  }

  it("a request reserves the amount, rejection releases it, payment moves it to spent; approval and claim move nothing", () => {
    expect(fundEffect("request", 500n)).toEqual({ committed: 500n, spent: 0n });
    expect(fundEffect("reject", 500n)).toEqual({ committed: -500n, spent: 0n });
    expect(fundEffect("pay", 500n)).toEqual({ committed: -500n, spent: 500n });
    expect(fundEffect("approve", 500n)).toEqual({ committed: 0n, spent: 0n });
    expect(fundEffect("claim", 500n)).toEqual({ committed: 0n, spent: 0n });
  });

  it("balance is allocated − committed − spent, floored at zero", () => {
    expect(fundBalance({ allocatedCents: 1000n, committedCents: 300n, spentCents: 200n })).toBe(500n);
    expect(fundBalance({ allocatedCents: 1000n, committedCents: 900n, spentCents: 200n })).toBe(0n);
  });

  it("a fund is open until its expiry", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    expect(fundOpen({ expiresAt: null }, now)).toBe(true);
    expect(fundOpen({ expiresAt: new Date("2026-12-07T00:00:00Z") }, now)).toBe(true);
    expect(fundOpen({ expiresAt: now }, now)).toBe(false);
  });
});
