// Authorization lives in the data-access layer: every read is scoped by the caller, and a foreign
// id is answered exactly like a missing one.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findRegistration, getRegistration, listRegistrations } from "@/lib/db/registrations";
import { listPartners, getPartner } from "@/lib/db/partners";
import { listOpportunities, getOpportunity } from "@/lib/db/opportunities";
import { listAccounts, getAccount } from "@/lib/db/accounts";
import { AppError } from "@/lib/errors";
import {
  accountListQuery,
  opportunityListQuery,
  partnerListQuery,
  registrationListQuery,
} from "@/lib/validation/lists";
import { errorOf } from "../support/errors";
import { ctxFor, partnerIdOf } from "../support/contexts";

const all = (q: object = {}) => registrationListQuery.parse({ pageSize: 100, ...q });

describe("registrations", () => {
  it("a partner lists only its own company's registrations", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const northwind = await partnerIdOf("Northwind Systems");
    const page = await listRegistrations(alice, all());
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => r.partnerId === northwind)).toBe(true);
    expect(page.total).toBe(await db.dealRegistration.count({ where: { partnerId: northwind } }));
  });

  it("a partner cannot widen its scope with a partnerId filter", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const contoso = await partnerIdOf("Contoso Partners");
    const page = await listRegistrations(alice, all({ partnerId: contoso }));
    expect(page.items).toHaveLength(0);
    expect(page.total).toBe(0);
  });

  it("another partner's registration is NOT_FOUND, exactly like a missing id", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const bob = await ctxFor("bob@contoso.test");
    const bobsReg = (await listRegistrations(bob, all())).items[0];
    expect(bobsReg).toBeDefined();
    expect(await findRegistration(alice, bobsReg.id)).toBeNull();
    const foreign = await errorOf(getRegistration(alice, bobsReg.id));
    const missing = await errorOf(getRegistration(alice, "no_such_registration"));
    expect(foreign).toBeInstanceOf(AppError);
    expect([foreign.code, foreign.userMessage]).toEqual([missing.code, missing.userMessage]);
    expect(foreign.code).toBe("NOT_FOUND");
    // and the owner still can
    expect((await getRegistration(bob, bobsReg.id)).id).toBe(bobsReg.id);
  });

  it("a partner manager sees the registrations of the partners they manage, and only those", async () => {
    const pm = await ctxFor("pm@accord.test");
    const managed = await db.partner.findMany({ where: { managerId: pm.userId! }, select: { id: true } });
    const ids = new Set(managed.map((p) => p.id));
    expect(ids.has(await partnerIdOf("Northwind Systems"))).toBe(true);
    const page = await listRegistrations(pm, all());
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => ids.has(r.partnerId))).toBe(true);
    const unmanaged = await db.dealRegistration.findFirst({
      where: { partnerId: { notIn: [...ids] } },
      select: { id: true },
    });
    expect(unmanaged).not.toBeNull();
    expect(await findRegistration(pm, unmanaged!.id)).toBeNull();
  });

  it("ops and executives see every registration", async () => {
    const total = await db.dealRegistration.count();
    for (const email of ["ops@accord.test", "ceo@accord.test"]) {
      expect((await listRegistrations(await ctxFor(email), all())).total).toBe(Math.min(total, 10_000));
    }
  });
});

describe("partners, accounts and opportunities", () => {
  it("a partner sees only its own company", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const page = await listPartners(alice, partnerListQuery.parse({}));
    expect(page.items.map((p) => p.name)).toEqual(["Northwind Systems"]);
    const contoso = await partnerIdOf("Contoso Partners");
    expect((await errorOf(getPartner(alice, contoso))).code).toBe("NOT_FOUND");
  });

  it("a partner sees only its own opportunities and the accounts it works on", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const northwind = await partnerIdOf("Northwind Systems");
    const opps = await listOpportunities(alice, opportunityListQuery.parse({ pageSize: 100 }));
    expect(opps.items.every((o) => o.partnerId === northwind)).toBe(true);
    const foreignOpp = await db.opportunity.findFirst({
      where: { OR: [{ partnerId: null }, { partnerId: { not: northwind } }] },
      select: { id: true },
    });
    expect((await errorOf(getOpportunity(alice, foreignOpp!.id))).code).toBe("NOT_FOUND");

    const accounts = await listAccounts(alice, accountListQuery.parse({ pageSize: 100 }));
    const allAccounts = await db.account.count();
    expect(accounts.total).toBeLessThan(allAccounts);
    const untouched = await db.account.findFirst({
      where: { registrations: { none: { partnerId: northwind } }, opportunities: { none: { partnerId: northwind } } },
      select: { id: true },
    });
    expect((await errorOf(getAccount(alice, untouched!.id))).code).toBe("NOT_FOUND");
  });

  it("an AE lists only their own opportunities", async () => {
    const ae = await ctxFor("ae@accord.test");
    const page = await listOpportunities(ae, opportunityListQuery.parse({ pageSize: 100 }));
    expect(page.items.length).toBeGreaterThan(0);
    const theirs = await db.opportunity.count({ where: { aeId: ae.userId } });
    expect(page.total).toBe(Math.min(theirs, 10_000));
  });
});

describe("registration queue filters", () => {
  it("filters by region through the country the partner typed, within the caller's scope", async () => {
    const pm = await ctxFor("pm@accord.test");
    const page = await listRegistrations(pm, all({ region: "APAC" }));
    const apac = new Set(
      (await db.regionCountry.findMany({ where: { region: { code: "APAC" } } })).map((c) => c.country),
    );
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => apac.has(r.accountCountry))).toBe(true);
  });
});
