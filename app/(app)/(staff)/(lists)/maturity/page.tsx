import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreRadar, ScoreTrend } from "@/components/charts/maturity-charts";
import { IndicatorFigure } from "@/components/maturity/indicator-figure";
import { NoAccess } from "@/components/shell/no-access";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { staffContext } from "@/lib/auth/page";
import { maturityOverview } from "@/lib/db/maturity";
import { formatDate } from "@/lib/format";
import { FRAMEWORK_DEFS, FRAMEWORKS, stageOf } from "@/lib/maturity";
import { fromSearchParams } from "@/lib/validation/lists";
import { maturityQuery } from "@/lib/validation/maturity";

export const metadata: Metadata = { title: "Maturity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MaturityPage({ searchParams }: Props) {
  const ctx = await staffContext("maturity:read");
  if (!ctx.allowed) return <NoAccess what="Maturity" />;
  const parsed = maturityQuery.safeParse(fromSearchParams(await searchParams));
  if (!parsed.success) notFound();
  const now = new Date();
  // the indicators beside a framework are those of its latest assessment's quarter (or the one asked for)
  // ?period=<quarter> shows that quarter's assessment of each framework that has one, else its latest;
  // GET /api/v1/maturity answers from the same function
  const { assessments, frameworks } = await maturityOverview(ctx, parsed.data.period, now);
  const assess = can(ctx, "maturity:assess");
  const periods = [...new Set(FRAMEWORKS.flatMap((f) => assessments[f].map((a) => a.period)))].sort();
  const trend: Record<string, string | number | null>[] = periods.map((p) => ({
    period: p,
    ...Object.fromEntries(FRAMEWORKS.map((f) => [f, assessments[f].find((a) => a.period === p)?.score ?? null])),
  }));
  return (
    <>
      <PageHeader
        title="Maturity"
        description={
          "Three frameworks, each dimension scored 1–5 by an assessor with evidence, and beside it the indicator " +
          "the data measures for the same quarter. Every measured number opens what it counts."
        }
      />
      {periods.length === 0 ? (
        <EmptyState title="No assessments yet">
          {assess
            ? "Start with an assessment of one framework below."
            : "Channel operations or an executive assesses each quarter."}
        </EmptyState>
      ) : (
        <Card title="Trend across quarters (framework score: mean of its dimensions)">
          <ScoreTrend
            data={trend}
            series={FRAMEWORKS.map((f) => ({ key: f, label: FRAMEWORK_DEFS[f].label }))}
            label={`Framework scores per quarter: ${trend
              .map(
                (t) =>
                  `${t.period}: ${FRAMEWORKS.map((f) => `${FRAMEWORK_DEFS[f].label} ${t[f] ?? "none"}`).join(", ")}`,
              )
              .join("; ")}`}
          />
        </Card>
      )}
      {FRAMEWORKS.map((f) => {
        const def = FRAMEWORK_DEFS[f];
        const latest = frameworks[f].assessment;
        const indicators = frameworks[f].indicators;
        return (
          <section key={f} aria-labelledby={`fw-${f}`} className="mt-6">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`fw-${f}`} className="text-lg font-semibold text-slate-900">
                {def.label}
                {latest && (
                  <span className="ml-2 text-sm font-normal text-slate-600">
                    {latest.period}: {latest.score} of 5 · assessed by {latest.assessorName ?? "an API key"} on{" "}
                    {formatDate(latest.createdAt)}
                  </span>
                )}
              </h2>
              {assess && (
                <Link
                  href={`/maturity/assess?framework=${def.slug}`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  Assess {def.label.toLowerCase()}
                </Link>
              )}
            </div>
            {!latest ? (
              <EmptyState title={`${def.label} has not been assessed`}>
                Stages run from {def.stages[0].name} to {def.stages.at(-1)!.name}.
              </EmptyState>
            ) : (
              <div className="grid gap-4 lg:grid-cols-3">
                <Card title={`Assessment, ${latest.period}`}>
                  <ScoreRadar
                    label={`${def.label}, ${latest.period}`}
                    data={latest.scores.map((s) => ({
                      label: def.dimensions.find((d) => d.key === s.dimension)?.label ?? s.dimension,
                      score: s.score,
                    }))}
                  />
                </Card>
                <div className="lg:col-span-2">
                  <table className="w-full text-left text-sm" aria-label={`${def.label}: dimensions, ${latest.period}`}>
                    <thead className="text-xs uppercase text-slate-500">
                      <tr>
                        <th className="py-2 pr-3">Dimension</th>
                        <th className="py-2 pr-3">Score and stage</th>
                        <th className="py-2">Evidence and measured indicator</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-200 align-top">
                      {def.dimensions.map((d) => {
                        const s = latest.scores.find((x) => x.dimension === d.key);
                        const ind = d.indicator ? indicators[d.indicator] : undefined;
                        return (
                          <tr key={d.key}>
                            <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                              {d.label}
                              <p className="text-xs font-normal text-slate-500">{d.question}</p>
                            </th>
                            <td className="py-2 pr-3">
                              {s ? (
                                <>
                                  <span className="text-base font-semibold tabular-nums">{s.score}</span> of 5
                                  <p className="text-xs text-slate-600">
                                    {stageOf(f, s.score).name}: {stageOf(f, s.score).description}
                                  </p>
                                </>
                              ) : (
                                "Not scored"
                              )}
                            </td>
                            <td className="space-y-2 py-2">
                              <p className="text-slate-700">{s?.evidence || "No evidence given."}</p>
                              {ind && <IndicatorFigure indicator={ind} framework={f} />}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
