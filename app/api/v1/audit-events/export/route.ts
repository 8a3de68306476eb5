// GET /api/v1/audit-events/export: the filtered audit log as a CSV download (the audit page's
// "Export CSV" link, or an admin API key). Streamed batch by batch (lib/db/audit-export.ts); cells a
// spreadsheet would run as formulas are neutralized (lib/csv/cells.ts).
import { apiRoute } from "@/lib/api/handler";
import { auditCsvChunks } from "@/lib/db/audit-export";
import { auditEventListQuery, fromSearchParams } from "@/lib/validation/lists";

export const GET = apiRoute(async (req, ctx) => {
  const query = auditEventListQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const chunks = await auditCsvChunks(ctx, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
