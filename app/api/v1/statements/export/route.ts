// GET /api/v1/statements/export?party=ae:<id>|partner:<id>&period=2026-11|2026-Q4: one payout statement as a CSV download (the
// statement pages' "Export CSV" link, or an API key: a partner key exports its own company's).
// Scoped like the page (lib/db/payouts.ts): another party's statement is 404.
import { apiRoute } from "@/lib/api/handler";
import { parsePeriod, periodOf } from "@/lib/attribution";
import { AppError } from "@/lib/errors";
import { statementCsv } from "@/lib/db/payout-export";
import { getStatement, statementSubjectOf } from "@/lib/db/payouts";
import { fromSearchParams } from "@/lib/validation/lists";
import { statementQuery } from "@/lib/validation/payouts";

export const GET = apiRoute(async (req, ctx) => {
  const q = statementQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const subject = await statementSubjectOf(ctx, q);
  if (!subject) throw new AppError("VALIDATION", "Name whose statement", { party: ["ae:<id> or partner:<id>"] });
  const period = (q.period && parsePeriod(q.period)) || periodOf(new Date(), "month");
  const statement = await getStatement(ctx, subject, period);
  const slug = statement.subject.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return new Response(statementCsv(statement), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="statement-${slug || "party"}-${period.label}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
