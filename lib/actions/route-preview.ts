"use server";
// "Which route would this deal get, and why?" for a partner before registering (docs/domain.md#rules-of-engagement, docs/domain.md#deal-registration),
// decided on the same facts a registration would be (the matched account included, when the name is
// given): nothing is stored.
import { defineAction } from "./define-action";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { can } from "@/lib/auth/permissions";
import { dealFactsFor } from "@/lib/db/deal-facts";
import { ruleSetInForceAt } from "@/lib/db/rule-sets";
import { AppError, forbidden } from "@/lib/errors";
import { evaluate, redactTraceForPartner } from "@/lib/rules";
import { routePreviewInput } from "@/lib/validation/registrations";

export const previewRouteAction = defineAction(routePreviewInput, async (ctx, input) => {
  if (!can(ctx, "route:evaluate")) throw forbidden();
  const now = new Date();
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rules of engagement are in force right now");
  const facts = await dealFactsFor(ctx.partnerId, {
    country: input.country,
    vertical: input.vertical,
    productLine: input.productLine,
    acvCents: input.estimatedAcv,
    at: now,
  }, input.accountName ? { nameKey: normalizeAccountName(input.accountName), domainKey: normalizeDomain(input.accountDomain ?? null) } : undefined);
  const decision = evaluate(inForce.engine, facts);
  const rule = decision.ruleId ? inForce.engine.rules.find((r) => r.id === decision.ruleId) : null;
  return {
    route: decision.route,
    ruleName: decision.ruleName,
    rulePriority: decision.rulePriority,
    rationale: rule?.rationale ?? inForce.engine.defaultOutcome.rationale ?? "",
    protectionDays: decision.protectionDays,
    leadRole: decision.leadRole,
    ruleSetVersion: decision.ruleSetVersion,
    trace: ctx.role === "PARTNER" ? redactTraceForPartner(decision.trace) : decision.trace,
  };
});
