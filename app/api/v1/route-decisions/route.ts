// POST /api/v1/route-decisions (README "HTTP API"): evaluate facts under a rule set (default: the one in
// force at facts.at, else now) and return the route with its trace. Nothing is stored.
import { apiRoute, json } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { can } from "@/lib/auth/permissions";
import { engineRuleSetFor, ruleSetInForceAt } from "@/lib/db/rule-sets";
import { traceFor } from "@/lib/db/trace";
import { AppError, forbidden } from "@/lib/errors";
import { evaluate, parseFacts } from "@/lib/rules";
import { zodFieldErrors } from "@/lib/validation/errors";
import { routeDecisionInput } from "@/lib/validation/rule-sets";

export const POST = apiRoute(async (req, ctx) => {
  if (!can(ctx, "route:evaluate")) throw forbidden();
  const body = await readBody(req, routeDecisionInput);
  const parsed = parseFacts(body.facts ?? {});
  if (!parsed.success)
    throw new AppError("VALIDATION", "The facts are not valid", zodFieldErrors(parsed.error, "facts"));
  const facts = parsed.data;
  const engine = body.ruleSetId
    ? (await engineRuleSetFor(ctx, body.ruleSetId)).engine
    : (await ruleSetInForceAt(facts.at ? new Date(facts.at) : new Date()))?.engine;
  if (!engine)
    throw new AppError("UNPROCESSABLE", "No rule set was in force at that time", {
      "facts.at": ["No published rule set covers this time"],
    });
  const d = evaluate(engine, facts);
  return json({
    route: d.route,
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    rulePriority: d.rulePriority,
    ruleSetVersion: d.ruleSetVersion,
    protectionDays: d.protectionDays,
    leadRole: d.leadRole,
    attributionCategory: d.attributionCategory,
    trace: await traceFor(ctx, engine, facts, d.trace),
  });
});
