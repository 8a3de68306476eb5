// A partner reads its own decision's trace in plain language without the facts the vendor keeps
// (docs/domain.md#reading-a-decision): not on the portal's page data, not in the API, not in the
// route preview. Staff read the same decision whole, with the technical form beside it. Before
// issue 15 the partner's page showed "namedAccount false ≠ true ✗" and "regionDirectPresence true ≠ false ✗".
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as getRegistrationRoute } from "@/app/api/v1/registrations/[id]/route";
import type { Ctx } from "@/lib/auth/types";
import { toJson } from "@/lib/json";
import { createApiKey } from "@/lib/db/api-keys";
import { findRegistration } from "@/lib/db/registrations";
import { submitRegistration } from "@/lib/db/registration-submit";
import { previewRoute } from "@/lib/db/route-decisions";
import { ctxFor } from "../../support/contexts";
import { INTERNAL_FACT_WORDS } from "@/tests/factories/internal-facts";

let alice: Ctx;
let ops: Ctx;
let registrationId: string;

const text = (value: unknown) => JSON.stringify(toJson(value));

function expectNoInternalFacts(value: unknown) {
  const t = text(value);
  for (const word of INTERNAL_FACT_WORDS) expect(t, word).not.toContain(word);
  expect(t).not.toMatch(/[✓✗]|≠|≥/); // nothing of the technical form either
}

async function getAs(key: string) {
  const req = new NextRequest(`http://localhost/api/v1/registrations/${registrationId}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  const res = await getRegistrationRoute(req, { params: Promise.resolve({ id: registrationId }) });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  alice = await ctxFor("alice@northwind.test");
  ops = await ctxFor("ops@accord.test");
  // a $2.2M deal in a region with direct presence: the default rule set tries every rule up to
  // "Above $1M ACV", the named-account and direct-presence rules among them
  const submitted = await submitRegistration(alice, {
    account: { name: "Plain Trace Logistics", country: "US", vertical: "TECHNOLOGY" },
    productLine: "Platform",
    estimatedAcv: 223_550_000,
    expectedCloseDate: "2027-06-30",
  });
  registrationId = submitted.id;
});

describe("a partner's own decision", () => {
  it("reads in plain language on the portal's page data, without the vendor's facts", async () => {
    const own = (await findRegistration(alice, registrationId))!;
    const trace = own.routeDecision!.trace;
    expect(trace.at(-1)).toMatchObject({ name: "Above $1M ACV", matched: true, reason: "ACV is $2.2M — at least $1M" });
    expect(trace.find((t) => t.name === "Under $250K ACV")?.reason).toBe("ACV is $2.2M — not below $250K");
    // the rules that did not apply because of the vendor's facts are not listed
    expect(trace.map((t) => t.name)).not.toContain("Named strategic accounts");
    expect(own.routeDecision).not.toHaveProperty("facts");
    expectNoInternalFacts(own.routeDecision);
  });

  it("is redacted the same way in the API, for a partner key", async () => {
    const { key } = await createApiKey(alice, { name: "plain trace", scope: "PARTNER" });
    const body = await getAs(key);
    expect(body.routeDecision.trace.at(-1).reason).toBe("ACV is $2.2M — at least $1M");
    expectNoInternalFacts(body);
  });

  it("is redacted in the route preview", async () => {
    const preview = await previewRoute(alice, {
      country: "US",
      vertical: "TECHNOLOGY",
      productLine: "Platform",
      estimatedAcv: 223_550_000,
    });
    expect(preview.trace.at(-1)?.reason).toBe("ACV is $2.2M — at least $1M");
    expectNoInternalFacts(preview.trace);
  });
});

describe("staff reading the same decision", () => {
  it("see every rule tried, the vendor's facts and the technical form", async () => {
    const staff = (await findRegistration(ops, registrationId))!;
    const trace = staff.routeDecision!.trace;
    expect(trace.find((t) => t.name === "Named strategic accounts")?.reason).toBe(
      "Named account: no — the rule needs yes",
    );
    expect(trace.find((t) => t.name === "No direct presence in region")?.reason).toBe(
      "Direct presence in region: yes — the rule needs no",
    );
    expect(trace.find((t) => t.name === "Under $250K ACV")?.technical).toBe("acv 2,235,500.00 ≥ 250,000.00 ✗");
    expect(staff.routeDecision!.facts).toMatchObject({ namedAccount: false, regionDirectPresence: true });
  });

  it("get the same through the API with an admin key", async () => {
    const { key } = await createApiKey(ops, { name: "plain trace", scope: "ADMIN" });
    const body = await getAs(key);
    expect(text(body)).toContain("Named account: no — the rule needs yes");
    expect(text(body)).toContain("acv 2,235,500.00");
  });
});
