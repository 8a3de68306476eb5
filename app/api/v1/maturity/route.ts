// GET /api/v1/maturity?period=2026-Q3: the figures of the /maturity page from the same function
// (lib/db/maturity.ts maturityOverview): per framework the assessment of the quarter (else its latest)
// with its dimension scores and stages, and the indicators measured for that quarter; and every
// assessed quarter's framework scores (the trend). An admin key, or an executive, channel-operations
// or partner-manager session (maturity:read); others 403. docs/domain.md#maturity.
import { apiRoute, json } from "@/lib/api/handler";
import { can } from "@/lib/auth/permissions";
import { maturityOverview } from "@/lib/db/maturity";
import { forbidden } from "@/lib/errors";
import { FRAMEWORK_DEFS, FRAMEWORKS, stageOf } from "@/lib/maturity";
import { fromSearchParams } from "@/lib/validation/lists";
import { maturityQuery } from "@/lib/validation/maturity";

export const GET = apiRoute(async (req, ctx) => {
  if (!can(ctx, "maturity:read")) throw forbidden("You cannot read maturity assessments");
  const q = maturityQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const { assessments, frameworks } = await maturityOverview(ctx, q.period, new Date());
  const periods = [...new Set(FRAMEWORKS.flatMap((f) => assessments[f].map((a) => a.period)))].sort();
  return json({
    period: q.period ?? null,
    frameworks: FRAMEWORKS.map((f) => {
      const def = FRAMEWORK_DEFS[f];
      const { assessment: a, period, indicators } = frameworks[f];
      return {
        framework: f,
        label: def.label,
        period,
        assessment: a && {
          period: a.period,
          score: a.score,
          assessorName: a.assessorName,
          assessedAt: a.createdAt.toISOString(),
          dimensions: a.scores.map((s) => ({
            dimension: s.dimension,
            label: def.dimensions.find((d) => d.key === s.dimension)?.label ?? s.dimension,
            score: s.score,
            stage: stageOf(f, s.score).name,
            evidence: s.evidence,
          })),
        },
        indicators: Object.values(indicators).map((i) => ({
          key: i.key,
          label: i.label,
          unit: i.unit,
          period: i.period,
          value: i.value,
          suggestedScore: i.suggestedScore,
          part: i.part?.count ?? null,
          whole: i.whole?.count ?? null,
        })),
      };
    }),
    trend: periods.map((p) => ({
      period: p,
      scores: Object.fromEntries(FRAMEWORKS.map((f) => [f, assessments[f].find((a) => a.period === p)?.score ?? null])),
    })),
  });
});
