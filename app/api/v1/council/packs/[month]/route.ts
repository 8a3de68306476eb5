// GET /api/v1/council/packs/2026-12?format=pdf|csv: the month's council pack as a download (the
// meeting page's export buttons, or an API key of a staff role). The PDF is drawn on the server with
// pdfkit (lib/council-pack/pdf.ts); the CSV holds the same tables (lib/council-pack/csv.ts).
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { packCsv } from "@/lib/council-pack/csv";
import { packPdf } from "@/lib/council-pack/pdf";
import { getCouncilPack } from "@/lib/db/council-pack";
import { localeFrom } from "@/lib/format";
import { fromSearchParams } from "@/lib/validation/lists";

const packQuery = z.object({ format: z.enum(["pdf", "csv"], { error: "Use pdf or csv" }).default("pdf") });

export const GET = apiRoute<{ month: string }>(async (req, ctx, params) => {
  const { format } = packQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const locale = localeFrom(req.headers.get("accept-language"));
  const now = new Date();
  const pack = await getCouncilPack(ctx, params.month, now, locale);
  const name = `council-pack-${pack.month}.${format}`;
  const headers = { "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" };
  if (format === "csv")
    return new Response(packCsv(pack, locale), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const bytes = await packPdf(pack, now, locale);
  return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Type": "application/pdf" } });
});
