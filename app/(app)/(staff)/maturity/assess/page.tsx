import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssessmentForm } from "@/components/maturity/assessment-form";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { recentQuarters } from "@/lib/dates/quarters";
import { findAssessment, measuredIndicators } from "@/lib/db/maturity";
import { FRAMEWORK_DEFS } from "@/lib/maturity";
import { fromSearchParams } from "@/lib/validation/lists";
import { assessQuery } from "@/lib/validation/maturity";

export const metadata: Metadata = { title: "Assess maturity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const QUARTERS_OFFERED = 8;

export default async function AssessPage({ searchParams }: Props) {
  const ctx = await staffContext("maturity:assess");
  if (!ctx.allowed) return <NoAccess what="Assessing maturity" />;
  const parsed = assessQuery.safeParse(fromSearchParams(await searchParams));
  if (!parsed.success) notFound();
  const now = new Date();
  const periods = recentQuarters(now, QUARTERS_OFFERED).map((q) => q.label);
  const period = parsed.data.period ?? periods[0];
  if (!periods.includes(period)) notFound();
  const framework = parsed.data.framework;
  const [existing, indicators] = await Promise.all([
    findAssessment(ctx, framework, period),
    measuredIndicators(ctx, period, now),
  ]);
  const def = FRAMEWORK_DEFS[framework];
  return (
    <>
      <PageHeader
        title={`Assess ${def.label.toLowerCase()}`}
        description={`Score each dimension 1–5 for the quarter, with the evidence behind it. Stages: ${def.stages
          .map((s) => s.name)
          .join(" → ")}.`}
      />
      <AssessmentForm
        key={period}
        framework={framework}
        periods={periods}
        period={period}
        existing={!!existing}
        indicators={indicators}
        initial={Object.fromEntries(
          (existing?.scores ?? []).map((s) => [s.dimension, { score: s.score, evidence: s.evidence }]),
        )}
      />
    </>
  );
}
