import { apiRoute, json } from "@/lib/api/handler";
import { ruleSetSummaryDto } from "@/lib/api/rule-set-dto";
import { listRuleSets } from "@/lib/db/rule-sets";

export const GET = apiRoute(async (_req, ctx) => {
  const rows = await listRuleSets(ctx);
  return json({ data: rows.map(ruleSetSummaryDto) });
});
