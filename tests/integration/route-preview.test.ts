// Regression: the portal's route preview decided without the account, so for a named account it
// showed a partner-led rule while the submission itself went to the vendor (rule 20).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dealFactsFor } from "@/lib/db/deal-facts";
import { ruleSetInForceAt } from "@/lib/db/rule-sets";
import { submitRegistration } from "@/lib/db/registration-submit";
import { evaluate } from "@/lib/rules";
import { ctxFor } from "../support/contexts";

describe("route preview facts", () => {
  it("count the matched account, so the preview shows the route the submission gets", async () => {
    const alice = await ctxFor("alice@northwind.test");
    const named = await db.account.findFirstOrThrow({
      where: { namedAccount: true, domainKey: { not: null } },
      select: { name: true, nameKey: true, domainKey: true, country: true, vertical: true },
    });
    const now = new Date();
    const deal = {
      country: named.country,
      vertical: named.vertical,
      productLine: "Platform",
      acvCents: 5_000_000,
      at: now,
    };
    const engine = (await ruleSetInForceAt(now))!.engine;

    const blind = evaluate(engine, await dealFactsFor(alice.partnerId, deal));
    const preview = evaluate(
      engine,
      await dealFactsFor(alice.partnerId, deal, { nameKey: named.nameKey, domainKey: named.domainKey }),
    );
    expect(blind.rulePriority).not.toBe(20);
    expect(preview.rulePriority).toBe(20);

    const submitted = await submitRegistration(
      alice,
      {
        account: { name: named.name, country: named.country, vertical: named.vertical },
        productLine: "Platform",
        estimatedAcv: 5_000_000,
        expectedCloseDate: "2027-06-30",
      },
      { now },
    );
    expect(submitted.route).toBe(preview.route);
  });
});
