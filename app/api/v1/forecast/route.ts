// GET /api/v1/forecast?period=2026-Q4: the joint forecast of a quarter, the same function as the /forecast
// page (lib/db/forecast.ts getForecast): total and per attribution category, each { closedWon, commit,
// expected, low, high } in cents. An admin key or an executive / channel-operations session; others 403.
import { apiRoute, json } from "@/lib/api/handler";
import { can } from "@/lib/auth/permissions";
import { getForecast, type Band } from "@/lib/db/forecast";
import { forbidden } from "@/lib/errors";
import { quarterLabel } from "@/lib/forecast";
import { forecastQuery } from "@/lib/validation/forecast";
import { fromSearchParams } from "@/lib/validation/lists";

const cents = (b: Band) => ({
  closedWon: Number(b.closedWon),
  commit: Number(b.commit),
  expected: Number(b.expected),
  low: Number(b.low),
  high: Number(b.high),
});

export const GET = apiRoute(async (req, ctx) => {
  if (!can(ctx, "forecast:read")) throw forbidden("The forecast is for executives and channel operations");
  const q = forecastQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const now = new Date();
  const f = await getForecast(ctx, q.period ?? quarterLabel(now), now);
  return json({
    period: f.period,
    currency: f.currency,
    total: cents(f.total),
    categories: Object.fromEntries(Object.entries(f.categories).map(([k, b]) => [k, cents(b)])),
  });
});
