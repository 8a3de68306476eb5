// A rule about particular partners prints their ids in every trace it is tried in. A partner must
// never read another partner's id that way, on any surface that shows a trace (lib/db/trace.ts):
// each test below reads one surface as Northwind's user and as channel operations, under a rule
// set in force whose first rule names Contoso.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as getRegistrationRoute } from "@/app/api/v1/registrations/[id]/route";
import { POST as routeDecisionsRoute } from "@/app/api/v1/route-decisions/route";
import type { Ctx } from "@/lib/auth/types";
import { toJson } from "@/lib/json";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { findOpportunity } from "@/lib/db/opportunities";
import { findRegistration } from "@/lib/db/registrations";
import { submitRegistration } from "@/lib/db/registration-submit";
import { explainDecision, previewRoute } from "@/lib/db/route-decisions";
import { createDraft, publishRuleSet, saveDraft } from "@/lib/db/rule-set-writes";
import { findRuleSet, ruleSetInForceAt } from "@/lib/db/rule-sets";
import { evaluate, type Rule } from "@/lib/rules";
import { PARTNER_CLAUSE_NOT_MET } from "@/lib/rules/redact";
import { ctxFor, partnerIdOf } from "../../support/contexts";

let alice: Ctx;
let ops: Ctx;
let contosoId: string;
let ruleSetId: string;
let registrationId: string;

/** What a reader sees, as text: the other partner's id must not be in it. */
const text = (value: unknown) => JSON.stringify(toJson(value));

async function api<P>(
  handler: (req: NextRequest, route: { params: Promise<P> }) => Promise<Response>,
  url: string,
  key: string,
  params: P,
  body?: unknown,
) {
  const req = new NextRequest(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  alice = await ctxFor("alice@northwind.test");
  ops = await ctxFor("ops@accord.test");
  contosoId = await partnerIdOf("Contoso Partners");
  const now = new Date();
  const { id } = await createDraft(ops, undefined, now);
  const draft = (await findRuleSet(ops, id))!;
  const contosoDirect: Rule = {
    id: "contoso-direct",
    priority: 5,
    name: "Contoso's deals go direct",
    conditions: [{ field: "partnerId", op: "in", value: [contosoId] }],
    outcome: { route: "DIRECT", leadRole: "AE", protectionDays: null, attributionCategory: "DIRECT" },
    rationale: "",
  };
  const saved = await saveDraft(ops, {
    id,
    lockVersion: draft.lockVersion,
    changeNote: "",
    rules: [contosoDirect, ...draft.engine.rules],
    defaultOutcome: draft.engine.defaultOutcome,
  });
  await publishRuleSet(
    ops,
    { id, lockVersion: saved.lockVersion, effectiveFrom: now, changeNote: "Contoso direct" },
    now,
  );
  ruleSetId = id;
  const submitted = await submitRegistration(alice, {
    account: { name: "Clause Redaction GmbH", country: "DE", vertical: "MEDIA" },
    productLine: "Platform",
    estimatedAcv: 5_000_000,
    expectedCloseDate: "2027-06-30",
  });
  registrationId = submitted.id;
});

describe("another partner's clauses in a trace", () => {
  it("are hidden in the portal's registration page data, and shown to staff", async () => {
    const own = await findRegistration(alice, registrationId);
    expect(own?.routeDecision?.trace.length).toBeGreaterThan(0);
    expect(text(own)).not.toContain(contosoId);
    expect(own?.routeDecision?.trace[0].reason).toBe(PARTNER_CLAUSE_NOT_MET);
    expect(text(await findRegistration(ops, registrationId))).toContain(contosoId);
  });

  it("are hidden in the API's registration GET", async () => {
    const { key } = await createApiKey(alice, { name: "clauses", scope: "PARTNER" });
    const body = await api(getRegistrationRoute, `http://localhost/api/v1/registrations/${registrationId}`, key, {
      id: registrationId,
    });
    expect(body.routeDecision.trace.length).toBeGreaterThan(0);
    expect(text(body)).not.toContain(contosoId);
    const { key: adminKey } = await createApiKey(ops, { name: "clauses", scope: "ADMIN" });
    expect(
      text(
        await api(getRegistrationRoute, `http://localhost/api/v1/registrations/${registrationId}`, adminKey, {
          id: registrationId,
        }),
      ),
    ).toContain(contosoId);
  });

  it("are hidden in the portal's route preview", async () => {
    const input = { country: "DE", vertical: "MEDIA" as const, productLine: "Platform", estimatedAcv: 5_000_000 };
    const preview = await previewRoute(alice, input);
    expect(preview.trace.length).toBeGreaterThan(0);
    expect(text(preview)).not.toContain(contosoId);
    expect(text(await previewRoute(ops, input))).toContain(contosoId);
  });

  it("are hidden in the API's route decisions", async () => {
    const facts = { acv: 5_000_000, country: "DE", vertical: "MEDIA", partnerId: alice.partnerId };
    const { key } = await createApiKey(alice, { name: "decisions", scope: "PARTNER" });
    const body = await api(routeDecisionsRoute, "http://localhost/api/v1/route-decisions", key, {}, { facts });
    expect(text(body)).not.toContain(contosoId);
    const { key: adminKey } = await createApiKey(ops, { name: "decisions", scope: "ADMIN" });
    expect(
      text(await api(routeDecisionsRoute, "http://localhost/api/v1/route-decisions", adminKey, {}, { facts })),
    ).toContain(contosoId);
  });

  it("are hidden in the decision explorer, which a partner may call too", async () => {
    const facts = { acv: 5_000_000, country: "DE", vertical: "MEDIA", partnerId: alice.partnerId };
    expect(text(await explainDecision(alice, ruleSetId, facts))).not.toContain(contosoId);
    expect(text(await explainDecision(ops, ruleSetId, facts))).toContain(contosoId);
  });

  it("are hidden in an opportunity's stored decision", async () => {
    // one of Northwind's deals, decided under the rules in force as a re-route would record it
    const deal = await db.opportunity.findFirstOrThrow({
      where: { partnerId: alice.partnerId, routeDecisionId: { not: null } },
      select: { id: true, route: true },
    });
    const inForce = (await ruleSetInForceAt(new Date()))!;
    const decision = evaluate(inForce.engine, {
      acv: 5_000_000,
      country: "DE",
      vertical: "MEDIA",
      partnerId: alice.partnerId,
    });
    const stored = await db.routeDecision.create({
      data: {
        subjectType: "OPPORTUNITY",
        subjectId: deal.id,
        ruleSetId: inForce.id,
        ruleSetVersion: inForce.version,
        route: decision.route,
        facts: {},
        trace: decision.trace as unknown as object,
        decidedAt: new Date(),
      },
      select: { id: true },
    });
    await db.opportunity.update({ where: { id: deal.id }, data: { routeDecisionId: stored.id } });
    const own = await findOpportunity(alice, deal.id);
    expect(own?.routeDecision?.trace.length).toBeGreaterThan(0);
    expect(text(own)).not.toContain(contosoId);
    expect(text(await findOpportunity(ops, deal.id))).toContain(contosoId);
  });
});
