// Route decisions that are shown and not stored: the portal's preview ("which route would this deal
// get, and why?") and the rule editor's decision explorer. Their traces go through lib/db/trace.ts
// like every other surface's.
import "server-only";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden } from "@/lib/errors";
import { evaluate, parseFacts } from "@/lib/rules";
import { zodFieldErrors } from "@/lib/validation/errors";
import type { z } from "zod";
import type { routePreviewInput } from "@/lib/validation/registrations";
import { dealFactsFor } from "./deal-facts";
import { engineRuleSetFor, ruleSetInForceAt } from "./rule-sets";
import { traceFor } from "./trace";

/**
 * The route a partner's deal would get now, decided on the same facts a registration would be (the
 * matched account included, when the name is given). Nothing is stored.
 */
export async function previewRoute(ctx: Ctx, input: z.infer<typeof routePreviewInput>, now = new Date()) {
  if (!can(ctx, "route:evaluate")) throw forbidden();
  const inForce = await ruleSetInForceAt(now);
  if (!inForce) throw new AppError("UNPROCESSABLE", "No rules of engagement are in force right now");
  const facts = await dealFactsFor(
    ctx.partnerId,
    {
      country: input.country,
      vertical: input.vertical,
      productLine: input.productLine,
      acvCents: input.estimatedAcv,
      at: now,
    },
    input.accountName
      ? { nameKey: normalizeAccountName(input.accountName), domainKey: normalizeDomain(input.accountDomain ?? null) }
      : undefined,
  );
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
    trace: await traceFor(ctx, inForce.engine, facts, decision.trace),
  };
}

/** The decision explorer: facts → route and trace under a rule set the caller may see. */
export async function explainDecision(ctx: Ctx, ruleSetId: string, rawFacts: unknown) {
  if (!can(ctx, "route:evaluate")) throw forbidden();
  const parsed = parseFacts(rawFacts);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the facts", zodFieldErrors(parsed.error));
  const { engine } = await engineRuleSetFor(ctx, ruleSetId);
  const decision = evaluate(engine, parsed.data);
  return { ...decision, trace: await traceFor(ctx, engine, parsed.data, decision.trace) };
}
