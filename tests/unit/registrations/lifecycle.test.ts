// The registration lifecycle's rules (lib/registrations/lifecycle.ts): every move between any two
// statuses, what each move sets, and the extension allowance.
import { describe, expect, it } from "vitest";
import { claimKeys } from "@/lib/registrations/claim-key";
import {
  approval,
  canMove,
  claimStatus,
  extension,
  holdsClaim,
  isActive,
  protectionEnd,
  MOVES,
  moveRefusal,
  rejection,
  release,
  updateRefusal,
  type RegistrationStatus,
} from "@/lib/registrations/lifecycle";

const STATUSES = Object.keys(MOVES) as RegistrationStatus[];
const ALLOWED = new Set([
  "SUBMITTED→APPROVED",
  "SUBMITTED→REJECTED",
  "SUBMITTED→WITHDRAWN",
  "APPROVED→CONVERTED",
  "APPROVED→EXPIRED",
  "APPROVED→WITHDRAWN",
]);
const at = (iso: string) => new Date(`${iso}T09:30:00Z`);
const KEYS = claimKeys("acc1", "fabrikam", "fabrikam.example", "pl1");
const RELEASED = {
  activeClaimKey: null,
  activeClaimNameKey: null,
  activeClaimDomainKey: null,
  partnerClaimKey: null,
  partnerClaimNameKey: null,
  partnerClaimDomainKey: null,
};

describe("allowed moves", () => {
  it("lists all six statuses", () => {
    expect(STATUSES.sort()).toEqual(["APPROVED", "CONVERTED", "EXPIRED", "REJECTED", "SUBMITTED", "WITHDRAWN"]);
  });

  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))("%s → %s", (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canMove(from, to)).toBe(allowed);
    expect(moveRefusal(from, to) === null).toBe(allowed);
  });

  it.each([
    ["APPROVED", "APPROVED", "This registration is already approved."],
    ["REJECTED", "APPROVED", "This registration is already rejected."],
    ["EXPIRED", "REJECTED", "This registration is already expired."],
    ["REJECTED", "WITHDRAWN", "A rejected registration cannot be withdrawn."],
    ["CONVERTED", "WITHDRAWN", "A converted registration cannot be withdrawn."],
    ["CONVERTED", "APPROVED", "This registration is already converted."],
    ["EXPIRED", "WITHDRAWN", "An expired registration cannot be withdrawn."],
    ["SUBMITTED", "EXPIRED", "A submitted registration cannot become expired."],
  ] as const)("refuses %s → %s in words", (from, to, message) => {
    expect(moveRefusal(from, to)).toBe(message);
  });

  it.each([
    ["SUBMITTED", true],
    ["APPROVED", true],
    ["REJECTED", false],
    ["EXPIRED", false],
    ["WITHDRAWN", false],
    ["CONVERTED", false],
  ] as const)("%s is active: %s (awaiting a decision or approved)", (status, active) => {
    expect(isActive(status)).toBe(active);
    const keyed = { status, partnerClaimKey: "p:key" };
    expect(updateRefusal(keyed)).toBe(
      active || status === "CONVERTED"
        ? null
        : `${status === "EXPIRED" ? "An" : "A"} ${status.toLowerCase()} registration takes no updates.`,
    );
  });
});

describe("what each move sets", () => {
  const approve = {
    partnerId: "p1",
    keys: KEYS,
    accountId: "acc1",
    opportunityId: "opp1",
    reviewerId: "u1",
    reason: "Qualified",
    now: at("2026-03-01"),
  };

  it.each([
    ["90 protection days", 90, at("2026-05-30"), KEYS],
    [
      "no protection (the vendor leads): no claim",
      null,
      null,
      { activeClaimKey: null, activeClaimNameKey: null, activeClaimDomainKey: null },
    ],
    [
      "zero days counts as none",
      0,
      null,
      { activeClaimKey: null, activeClaimNameKey: null, activeClaimDomainKey: null },
    ],
  ] as const)("an approval with %s", (_, protectionDays, protectedUntil, claim) => {
    expect(approval({ ...approve, protectionDays })).toEqual({
      protectedUntil,
      accountId: "acc1",
      ...claim,
      // the partner's own keys are held either way: an approved registration is active
      partnerClaimKey: "p1|a:acc1|pl1",
      partnerClaimNameKey: "p1|n:fabrikam|pl1",
      partnerClaimDomainKey: "p1|d:fabrikam.example|pl1",
      opportunityId: "opp1",
      reviewerId: "u1",
      decisionReason: "Qualified",
      decidedAt: at("2026-03-01"),
    });
  });

  it("a rejection releases every key and records the decision", () => {
    expect(rejection({ reviewerId: null, reason: "Out of territory", now: at("2026-03-02") })).toEqual({
      ...RELEASED,
      reviewerId: null,
      decisionReason: "Out of territory",
      decidedAt: at("2026-03-02"),
    });
  });

  it("withdrawal, expiry and conversion release every key", () => {
    expect(release()).toEqual(RELEASED);
  });
});

describe("a converted registration's claim", () => {
  // approval converts at once (its deal is created), so protection, updates and the rules engine's
  // sticky-ownership fact follow the claim keys, not the status
  it.each([
    [{ status: "CONVERTED", partnerClaimKey: "p:key" }, true, "CONVERTED"],
    [{ status: "CONVERTED", partnerClaimKey: null }, false, "EXPIRED"],
    [{ status: "APPROVED", partnerClaimKey: null }, true, "APPROVED"],
    [{ status: "SUBMITTED", partnerClaimKey: "p:key" }, true, "SUBMITTED"],
    [{ status: "EXPIRED", partnerClaimKey: null }, false, "EXPIRED"],
  ] as const)("%o holds a claim: %s; the engine sees %s", (reg, holds, seen) => {
    expect(holdsClaim(reg)).toBe(holds);
    expect(claimStatus(reg)).toBe(seen);
  });

  it("refuses updates in words once a converted registration's protection ended", () => {
    expect(updateRefusal({ status: "CONVERTED", partnerClaimKey: null })).toBe(
      "This registration's protection has ended: work the deal itself.",
    );
  });

  it("protection ends without a status move: keys released; early also stops protectedUntil now", () => {
    const now = at("2026-03-01");
    expect(protectionEnd(now, false)).toEqual(RELEASED);
    expect(protectionEnd(now, true)).toEqual({ ...RELEASED, protectedUntil: now });
  });
});

describe("extension", () => {
  const now = at("2026-03-01");
  const approved = { status: "APPROVED" as const, protectedUntil: at("2026-04-01"), extensionCount: 0 };

  it.each([
    ["by the rule's days", approved, 30, 2, { ok: true, protectedUntil: at("2026-05-01"), extensionCount: 1 }],
    [
      "by 90 days when the rule names none",
      approved,
      null,
      2,
      { ok: true, protectedUntil: at("2026-06-30"), extensionCount: 1 },
    ],
    [
      "the last one allowed",
      { ...approved, extensionCount: 1 },
      30,
      2,
      { ok: true, protectedUntil: at("2026-05-01"), extensionCount: 2 },
    ],
    [
      "past the allowance",
      { ...approved, extensionCount: 2 },
      30,
      2,
      { ok: false, refusal: "This registration has had the maximum of 2 extensions." },
    ],
    [
      "after protection ended",
      { ...approved, protectedUntil: now },
      30,
      2,
      { ok: false, refusal: "Protection has already ended; register the deal again." },
    ],
    [
      "without protection",
      { ...approved, protectedUntil: null },
      30,
      2,
      { ok: false, refusal: "Only an approved, protected registration can be extended." },
    ],
    [
      "once converted (its deal created), by the rule's days",
      { ...approved, status: "CONVERTED" as const },
      30,
      2,
      { ok: true, protectedUntil: at("2026-05-01"), extensionCount: 1 },
    ],
    [
      "while submitted",
      { ...approved, status: "SUBMITTED" as const },
      30,
      2,
      { ok: false, refusal: "Only an approved, protected registration can be extended." },
    ],
  ] as const)("%s", (_, reg, protectionDays, maxExtensions, expected) => {
    expect(extension(reg, { now, maxExtensions, protectionDays })).toEqual(expected);
  });
});
