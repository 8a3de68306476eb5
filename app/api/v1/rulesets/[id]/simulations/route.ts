// POST /api/v1/rulesets/{id}/simulations: evaluate a rule set (usually a draft) over the deals
// created in a period. Streams NDJSON: {"type":"progress","loaded","total"} after each batch of deals
// is decided, then {"type":"result", …} with counts, the from → to matrix, the moves by winning rule,
// the warnings about moves no changed rule chose, a sample with both traces and the names of the
// deals shown (lib/db/simulation.ts). Closing the connection stops the reading between batches.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { readBody } from "@/lib/api/body";
import { can } from "@/lib/auth/permissions";
import { prepareSimulation } from "@/lib/db/simulation";
import { forbidden } from "@/lib/errors";

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
  const simulation = await prepareSimulation(ctx, id, body);
  const encoder = new TextEncoder();
  const abort = new AbortController();
  req.signal.addEventListener("abort", () => abort.abort());
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      };
      try {
        send({ type: "progress", loaded: 0, total: simulation.total });
        const result = await simulation.run((loaded, total) => send({ type: "progress", loaded, total }), abort.signal);
        if (result) send({ type: "result", ...result });
      } catch (error) {
        console.error("[simulation] failed", error);
        send({ type: "error", message: "The simulation failed; nothing was changed." });
      } finally {
        if (!abort.signal.aborted) controller.close();
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
});
