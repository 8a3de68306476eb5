// Lint of a draft as the editor holds it (docs/domain.md#lint): nothing is stored. The rule set in force is the
// baseline, so a gap the draft opens where the published rules route by a rule ranks as a warning.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { lintRuleSet, type LintReport } from "@/lib/rules";
import { ruleSetInForceAt } from "./rule-sets";
import { validateDraft } from "./rule-set-writes";

export async function lintDraft(
  ctx: Ctx,
  input: { id: string; rules: unknown; defaultOutcome: unknown },
  now = new Date(),
): Promise<LintReport> {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  const draft = validateDraft(input, 1);
  const inForce = await ruleSetInForceAt(now);
  return lintRuleSet(draft, { inForce: inForce?.engine });
}
