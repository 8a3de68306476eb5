// Registration decisions and protection: approve/reject by the partner's manager (others see 404),
// protection from the rule's days, extensions (at most 2), withdrawal releasing the claim.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitRegistration } from "@/lib/db/registration-submit";
import { decideRegistration, extendRegistration, withdrawRegistration } from "@/lib/db/registration-lifecycle";
import { expireProtectionOf } from "@/lib/db/registration-schedule";
import { errorOf } from "../support/errors";
import { ctxFor } from "../support/contexts";

let n = 0;
function deal() {
  n++;
  return {
    account: {
      name: `Lifecycle Labs ${n} Ltd`,
      domain: `lifecycle${n}.example`,
      country: "US",
      vertical: "RETAIL" as const,
    },
    productLine: "Platform",
    estimatedAcv: 10_000_000,
    expectedCloseDate: "2027-01-31",
  };
}

describe("registration lifecycle", () => {
  it("the partner's manager approves: protection from the rule's days, account and partner opportunity created", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const pm = await ctxFor("pm@accord.test");
    const now = new Date();
    const reg = await submitRegistration(alice, deal(), { now });
    const result = await decideRegistration(
      pm,
      reg.id,
      { decision: "APPROVE", reason: "Qualified; no competing claim" },
      now,
    );
    // approval creates the deal, so the registration is converted in the same transaction; it keeps
    // protecting (and holding its claim) until protectedUntil
    expect(result.status).toBe("CONVERTED");
    expect(new Date(result.protectedUntil!).getTime() - now.getTime()).toBe(90 * 86_400_000); // rule 70: 90 days
    const row = await db.dealRegistration.findUniqueOrThrow({
      where: { id: reg.id },
      include: { opportunity: true, events: true },
    });
    expect(row.opportunity).toMatchObject({
      source: "PARTNER",
      partnerId: alice.partnerId,
      stage: "QUALIFIED",
      route: "PARTNER_LED",
    });
    expect(row.accountId).not.toBeNull();
    expect(row.status).toBe("CONVERTED");
    expect(row.activeClaimKey).not.toBeNull();
    expect(row.partnerClaimKey).not.toBeNull();
    expect(row.events.map((e) => e.toStatus)).toEqual(["SUBMITTED", "APPROVED", "CONVERTED"]);
    expect(await db.auditEvent.count({ where: { entityId: reg.id, action: "registration.approve" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: reg.id, action: "registration.convert" } })).toBe(1);
    // the new deal carries its provisional attribution at once: partner-sourced, credited to Northwind
    const credit = await db.attribution.findMany({ where: { opportunityId: row.opportunity!.id } });
    expect(credit.find((a) => a.partnerId === alice.partnerId)).toMatchObject({
      category: "PARTNER_SOURCED",
      creditPct: 100,
    });
    // a second decision is refused
    expect(
      (await errorOf(decideRegistration(pm, reg.id, { decision: "REJECT", reason: "changed my mind" }))).code,
    ).toBe("CONFLICT");
  });

  it("a claim on a new company moves to the account created at approval, so later spellings collide", async () => {
    // Regression: approval created the account but left the claim keyed by name, so a second
    // partner matching the new account by domain got no duplicate-registration conflict.
    const alice = await ctxFor("alice@northwind.test");
    const d = deal();
    const reg = await submitRegistration(alice, d);
    await decideRegistration(await ctxFor("pm@accord.test"), reg.id, { decision: "APPROVE", reason: "Qualified" });
    const row = await db.dealRegistration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row.activeClaimKey).toBe(`a:${row.accountId}|${row.productLineId}`);
    const bob = await ctxFor("bob@contoso.test");
    const second = await submitRegistration(bob, {
      ...d,
      account: { ...d.account, name: `LIFECYCLE LABS ${n}, LIMITED`, domain: `https://www.${d.account.domain}/x` },
    });
    expect(second.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
  });

  it("a manager of other partners, an AE and a partner cannot decide (404 or 403)", async () => {
    const bob = await ctxFor("bob@contoso.test");
    const reg = await submitRegistration(bob, deal());
    const otherPm = await db.user.findFirstOrThrow({
      where: { role: "PARTNER_MANAGER", email: { not: "pm@accord.test" } },
    });
    const contosoManaged = await db.partner.findFirstOrThrow({ where: { name: "Contoso Partners" } });
    expect(contosoManaged.managerId).not.toBe(otherPm.id);
    expect(
      (
        await errorOf(
          decideRegistration(await ctxFor(otherPm.email), reg.id, { decision: "APPROVE", reason: "ok then" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          decideRegistration(await ctxFor("ae@accord.test"), reg.id, { decision: "APPROVE", reason: "ok then" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (await errorOf(decideRegistration(bob, reg.id, { decision: "APPROVE", reason: "self-approval" }))).code,
    ).toBe("FORBIDDEN");
    expect((await db.dealRegistration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe("SUBMITTED");
  });

  it("rejection releases the claim so another partner can register the account", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const d = deal();
    const first = await submitRegistration(alice, d);
    await decideRegistration(await ctxFor("ops@accord.test"), first.id, {
      decision: "REJECT",
      reason: "Customer already in a direct cycle",
    });
    const second = await submitRegistration(bob, d);
    expect(second.conflict).toBeUndefined();
  });

  it("extensions: owner only, before expiry, at most 2", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const reg = await submitRegistration(alice, deal());
    await decideRegistration(await ctxFor("pm@accord.test"), reg.id, { decision: "APPROVE", reason: "Qualified" });
    expect((await errorOf(extendRegistration(bob, reg.id, ""))).code).toBe("NOT_FOUND");
    const one = await extendRegistration(alice, reg.id, "Procurement slipped");
    const two = await extendRegistration(alice, reg.id, "");
    expect(new Date(two.protectedUntil).getTime() - new Date(one.protectedUntil).getTime()).toBe(90 * 86_400_000);
    expect(two.extensionsLeft).toBe(0);
    expect((await errorOf(extendRegistration(alice, reg.id, ""))).code).toBe("CONFLICT");
    // the partner's manager is told of each extension
    const pm = await db.user.findUniqueOrThrow({ where: { email: "pm@accord.test" } });
    expect(
      await db.outbox.count({
        where: {
          kind: "registration.extended",
          recipientUserId: pm.id,
          payload: { equals: { registrationId: reg.id } },
        },
      }),
    ).toBe(2);
  });

  it("withdrawal by the owner releases the claim; another partner cannot withdraw it", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const reg = await submitRegistration(alice, deal());
    expect((await errorOf(withdrawRegistration(bob, reg.id, ""))).code).toBe("NOT_FOUND");
    await withdrawRegistration(alice, reg.id, "Customer chose a competitor");
    const row = await db.dealRegistration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(row).toMatchObject({ status: "WITHDRAWN", activeClaimKey: null });
  });

  // Approval used to leave the registration APPROVED although its deal existed; it now converts at
  // once, and a converted registration protects exactly as long as an approved one would.
  it("a converted registration protects until protectedUntil, then releases the account and stays CONVERTED", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const d = deal();
    const reg = await submitRegistration(alice, d);
    const pm = await ctxFor("pm@accord.test");
    const approved = await decideRegistration(pm, reg.id, { decision: "APPROVE", reason: "Qualified" });
    expect(approved.status).toBe("CONVERTED");
    // while protected: another partner's claim collides, the owner may extend, and not withdraw (the deal exists)
    const clash = await submitRegistration(bob, { ...d, account: { ...d.account, name: `${d.account.name} Inc` } });
    expect(clash.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    await withdrawRegistration(bob, clash.id, "Lost to the holder");
    expect((await errorOf(withdrawRegistration(alice, reg.id, ""))).message).toBe(
      "A converted registration cannot be withdrawn.",
    );
    const extended = await extendRegistration(alice, reg.id, "Pilot extended");
    const { protectedUntil } = await db.dealRegistration.findUniqueOrThrow({ where: { id: reg.id } });
    expect(protectedUntil!.toISOString()).toBe(extended.protectedUntil);
    // protection runs out: the job releases the claim without a status move
    const after = new Date(protectedUntil!.getTime() + 60_000);
    expect(await expireProtectionOf(db, reg.id, after)).toBe(true);
    const row = await db.dealRegistration.findUniqueOrThrow({ where: { id: reg.id }, include: { events: true } });
    expect(row).toMatchObject({ status: "CONVERTED", activeClaimKey: null, partnerClaimKey: null });
    expect(row.opportunityId).not.toBeNull();
    expect(row.events.at(-1)).toMatchObject({ fromStatus: "CONVERTED", toStatus: "CONVERTED" });
    expect(row.events.at(-1)?.reason).toContain("the deal continues");
    expect(await db.auditEvent.count({ where: { entityId: reg.id, action: "registration.expire" } })).toBe(1);
    // a second run finds nothing to do, and the account is free for another partner now
    expect(await expireProtectionOf(db, reg.id, after)).toBe(false);
    const next = await submitRegistration(bob, { ...d, expectedCloseDate: "2028-12-31" }, { now: after });
    expect(next.conflict).toBeUndefined();
    expect((await errorOf(extendRegistration(alice, reg.id, "", after))).code).toBe("CONFLICT");
  });
});

describe("one protected claim per company and product line, whatever the spelling", () => {
  const pmApprove = async (id: string) =>
    decideRegistration(await ctxFor("pm@accord.test"), id, { decision: "APPROVE", reason: "Qualified" });

  // Regression: a company no account matched was claimed by its name only, so "Acme GmbH" and
  // "Acme Holdings" at the same domain were both claimed, and both approved.
  it("two spellings of a new company at the same domain collide at submission", async () => {
    const d = deal();
    const first = await submitRegistration(await ctxFor("alice@northwind.test"), d);
    const second = await submitRegistration(await ctxFor("bob@contoso.test"), {
      ...d,
      account: { ...d.account, name: `Lifecycle Holdings ${n} Inc` },
    });
    expect(first.conflict).toBeUndefined();
    expect(second.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    expect((await errorOf(pmApprove(second.id))).code).toBe("CONFLICT");
  });

  // Regression: a registration that lost the claim at submission could never be approved, even
  // after the holder withdrew.
  it("the registration that lost the claim may take it once the holder lets go, not before", async () => {
    const d = deal();
    const alice = await ctxFor("alice@northwind.test");
    const first = await submitRegistration(alice, d);
    const second = await submitRegistration(await ctxFor("bob@contoso.test"), d);
    expect(second.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    expect((await errorOf(pmApprove(second.id))).code).toBe("CONFLICT");
    await withdrawRegistration(alice, first.id, "Customer chose another reseller");
    const approved = await pmApprove(second.id);
    expect(approved.status).toBe("CONVERTED");
    const row = await db.dealRegistration.findUniqueOrThrow({ where: { id: second.id } });
    expect(row.activeClaimKey).toBe(`a:${row.accountId}|${row.productLineId}`);
    expect(row.activeClaimDomainKey).toBe(`d:${row.accountDomainKey}|${row.productLineId}`);
  });

  it("two registrations that lost the claim, approved at the same moment once it is free: exactly one wins", async () => {
    const ops = await ctxFor("ops@accord.test");
    const alice = await ctxFor("alice@northwind.test");
    const thirdUser = await db.user.findFirstOrThrow({
      where: {
        role: "PARTNER",
        active: true,
        partner: { status: "ACTIVE", name: { notIn: ["Northwind Systems", "Contoso Partners"] } },
      },
      select: { email: true },
    });
    for (let round = 0; round < 3; round++) {
      const d = { ...deal(), account: { ...deal().account, domain: undefined } };
      const holder = await submitRegistration(alice, d);
      const losers = [
        await submitRegistration(await ctxFor("bob@contoso.test"), d),
        await submitRegistration(await ctxFor(thirdUser.email), d),
      ];
      expect(losers.map((l) => l.conflict?.type)).toEqual(["DUPLICATE_REGISTRATION", "DUPLICATE_REGISTRATION"]);
      await withdrawRegistration(alice, holder.id, "Lost to a competitor");
      const results = await Promise.allSettled(
        losers.map((l) => decideRegistration(ops, l.id, { decision: "APPROVE", reason: "Qualified" })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason.code).toBe("CONFLICT");
      expect(
        await db.dealRegistration.count({
          where: { id: { in: losers.map((l) => l.id) }, activeClaimKey: { not: null } },
        }),
      ).toBe(1);
      const nameKey = (await db.dealRegistration.findUniqueOrThrow({ where: { id: holder.id } })).accountNameKey;
      expect(await db.account.count({ where: { nameKey } })).toBe(1);
    }
  });

  // Regression: a claim made before the company's account existed was keyed by name; once another
  // approval created the account, a later submission matched it and took a second claim unopposed.
  it("a claim made before the account existed still collides with submissions that match the account", async () => {
    const d = { ...deal(), account: { ...deal().account, domain: undefined } };
    const alice = await ctxFor("alice@northwind.test");
    const platform = await submitRegistration(alice, d);
    const analytics = await submitRegistration(alice, { ...d, productLine: "Analytics" });
    await pmApprove(analytics.id); // creates the account
    const bob = await submitRegistration(await ctxFor("bob@contoso.test"), d);
    expect(bob.conflict).toEqual({ type: "DUPLICATE_REGISTRATION" });
    expect((await pmApprove(platform.id)).status).toBe("CONVERTED");
  });

  // Regression: approval created a second account for a company another approval had just
  // created, so the two claims named different accounts and never collided.
  it("approval links the account another approval created since the submission", async () => {
    const d = deal();
    const alice = await ctxFor("alice@northwind.test");
    const platform = await submitRegistration(alice, d);
    const analytics = await submitRegistration(alice, { ...d, productLine: "Analytics" });
    await pmApprove(platform.id);
    await pmApprove(analytics.id);
    const rows = await db.dealRegistration.findMany({
      where: { id: { in: [platform.id, analytics.id] } },
      select: { accountId: true },
    });
    expect(rows[0].accountId).not.toBeNull();
    expect(rows[1].accountId).toBe(rows[0].accountId);
    expect(
      await db.account.count({
        where: {
          nameKey: (await db.dealRegistration.findUniqueOrThrow({ where: { id: platform.id } })).accountNameKey,
        },
      }),
    ).toBe(1);
  });

  // Regression: an approved deal the vendor leads (no protection days) kept its claim forever:
  // no expiry date to run out, so every later partner got a duplicate-registration conflict.
  it("an approval without protection (the vendor leads) holds no claim", async () => {
    const big = { ...deal(), estimatedAcv: 150_000_000 }; // rule 90: above $1M, DIRECT_PARTNER_ATTACHED, no protection
    const reg = await submitRegistration(await ctxFor("alice@northwind.test"), big);
    expect(reg.route).toBe("DIRECT_PARTNER_ATTACHED");
    const approved = await pmApprove(reg.id);
    expect(approved.protectedUntil).toBeNull();
    expect(
      await db.dealRegistration.findUniqueOrThrow({
        where: { id: reg.id },
        select: { activeClaimKey: true, activeClaimDomainKey: true },
      }),
    ).toEqual({ activeClaimKey: null, activeClaimDomainKey: null });
    const later = await submitRegistration(await ctxFor("bob@contoso.test"), big);
    expect(later.conflict).toBeUndefined();
  });
});
