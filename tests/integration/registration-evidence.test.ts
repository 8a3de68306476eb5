// The approval queue's evidence panel: the accounts a registration matches, other claims on it (by
// name, domain or account) and open direct opportunities; vendor staff only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { registrationEvidence } from "@/lib/db/registration-evidence";
import { submitRegistration } from "@/lib/db/registration-submit";
import { errorOf } from "../support/errors";
import { ctxFor } from "../support/contexts";

describe("registration evidence", () => {
  it("shows a competing claim found by domain under another spelling, to staff only", async () => {
    const stamp = Date.now();
    const deal = {
      account: {
        name: `Evidence Works ${stamp} GmbH`,
        domain: `evidence-${stamp}.example`,
        country: "DE",
        vertical: "RETAIL" as const,
      },
      productLine: "Platform",
      estimatedAcv: 10_000_000,
      expectedCloseDate: "2027-06-30",
    };
    const first = await submitRegistration(await ctxFor("alice@northwind.test"), deal);
    const second = await submitRegistration(await ctxFor("bob@contoso.test"), {
      ...deal,
      account: { ...deal.account, name: `Evidence Holdings ${stamp} AG` },
    });
    const evidence = await registrationEvidence(await ctxFor("ops@accord.test"), second.id);
    expect(evidence?.otherClaims).toEqual([
      expect.objectContaining({ id: first.id, holdsClaim: true, partner: { name: "Northwind Systems" } }),
    ]);
    expect((await errorOf(registrationEvidence(await ctxFor("bob@contoso.test"), second.id))).code).toBe("FORBIDDEN");
  });

  it("lists open direct opportunities on a matched account", async () => {
    const direct = await db.opportunity.findFirstOrThrow({
      where: { partnerId: null, stage: { notIn: ["CLOSED_WON", "CLOSED_LOST"] } },
      select: { id: true, account: { select: { name: true, country: true, vertical: true } } },
    });
    const reg = await submitRegistration(await ctxFor("alice@northwind.test"), {
      account: { name: direct.account.name, country: direct.account.country, vertical: direct.account.vertical },
      productLine: "Analytics",
      estimatedAcv: 10_000_000,
      expectedCloseDate: "2027-06-30",
    });
    const evidence = await registrationEvidence(await ctxFor("ops@accord.test"), reg.id);
    expect(evidence?.directOpportunities.map((o) => o.id)).toContain(direct.id);
  });
});
