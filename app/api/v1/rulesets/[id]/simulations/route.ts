// POST /api/v1/rulesets/{id}/simulations: evaluate a rule set (usually a draft) over the deals
// created in a period. Streams NDJSON: {"type":"progress","loaded","total"} lines while deals
// load, then {"type":"result", …} with counts, the from→to matrix and a sample with both traces.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { can } from "@/lib/auth/permissions";
import { countHistoricalDeals, historicalDeals } from "@/lib/db/historical-deals";
import { engineRuleSetFor, ruleSetInForceAt } from "@/lib/db/rule-sets";
import { AppError, forbidden } from "@/lib/errors";
import { simulate, type HistoricalDeal } from "@/lib/rules";

const input = z
  .strictObject({
    from: z.coerce.date(),
    to: z.coerce.date(),
    baseline: z.enum(["RECORDED_ROUTE", "CURRENT_RULE_SET"]).default("CURRENT_RULE_SET"),
  })
  .refine((v) => v.from < v.to, { message: "The period must end after it starts", path: ["to"] });

export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  if (!can(ctx, "ruleset:edit")) throw forbidden();
  const body = await readBody(req, input);
  const { engine: candidate } = await engineRuleSetFor(ctx, id);
  const current = body.baseline === "CURRENT_RULE_SET" ? (await ruleSetInForceAt(new Date()))?.engine : undefined;
  if (body.baseline === "CURRENT_RULE_SET" && !current)
    throw new AppError("UNPROCESSABLE", "No rule set is in force to compare with");
  const total = await countHistoricalDeals(ctx, body.from, body.to);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const deals: HistoricalDeal[] = [];
        send({ type: "progress", loaded: 0, total });
        for await (const batch of historicalDeals(ctx, body.from, body.to)) {
          deals.push(...batch);
          send({ type: "progress", loaded: deals.length, total });
        }
        send({ type: "result", ...simulate({ candidate, deals, current }) });
      } catch (error) {
        console.error("[simulation] failed", error);
        send({ type: "error", message: "The simulation failed; nothing was changed." });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
});
