import { apiRoute, json } from "@/lib/api/handler";
import { ruleSetDetailDto } from "@/lib/api/rule-set-dto";
import { getRuleSet } from "@/lib/db/rule-sets";

export const GET = apiRoute<{ id: string }>(async (_req, ctx, { id }) =>
  json(ruleSetDetailDto(await getRuleSet(ctx, id))),
);
