// Maturity assessments and their measured indicators (docs/domain.md#maturity). Assessments are
// programme-wide (not partner data): maturity:read reads them, maturity:assess writes them. A second
// submission for the same framework and quarter edits that assessment (the unique key
// framework × period settles two first submissions at once: one wins, the other gets a 409).
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { parseQuarter, quarterOf, type Quarter } from "@/lib/dates/quarters";
import { handoffOffersHref } from "@/lib/council/links";
import { AppError, forbidden } from "@/lib/errors";
import {
  FRAMEWORK_DEFS,
  FRAMEWORKS,
  INDICATOR_DEFS,
  frameworkScore,
  lowestDimensions,
  median,
  share,
  suggestedScore,
  type Framework,
  type IndicatorDef,
  type IndicatorKey,
  type ScoredDimension,
} from "@/lib/maturity";
import { parsePeriod } from "@/lib/pricing/period";
import { opportunitiesHref } from "@/lib/pricing/links";
import { zodFieldErrors } from "@/lib/validation/errors";
import { conflictFilters, conflictQueryString } from "@/lib/validation/conflict-filters";
import { opportunityListQuery, registrationListQuery } from "@/lib/validation/lists";
import { assessmentInput, type AssessmentInput } from "@/lib/validation/maturity";
import { audit } from "./audit";
import { db } from "./client";
import { conflictWhere } from "./conflicts";
import { handoffStats } from "./handoffs";
import { opportunityListWhere } from "./opportunities";
import { leakageReport } from "./pricing-leakage";
import { registrationListWhere } from "./registrations";
import { transaction } from "./transaction";

export type AssessmentView = {
  id: string;
  framework: Framework;
  period: string;
  assessorName: string | null;
  createdAt: Date;
  score: number | null;
  scores: { dimension: string; score: number; evidence: string }[];
};

const assessmentSelect = {
  id: true,
  framework: true,
  period: true,
  createdAt: true,
  assessor: { select: { name: true } },
  scores: { select: { dimension: true, score: true, evidence: true } },
} as const;

type Row = {
  id: string;
  framework: Framework;
  period: string;
  createdAt: Date;
  assessor: { name: string } | null;
  scores: { dimension: string; score: number; evidence: string }[];
};

function view(r: Row): AssessmentView {
  const order = FRAMEWORK_DEFS[r.framework].dimensions.map((d) => d.key);
  const scores = [...r.scores].sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
  return {
    id: r.id,
    framework: r.framework,
    period: r.period,
    assessorName: r.assessor?.name ?? null,
    createdAt: r.createdAt,
    score: frameworkScore(scores),
    scores,
  };
}

/** Every assessment per framework, oldest quarter first (a few per year: the trend charts read them all). */
export async function listAssessments(ctx: Ctx): Promise<Record<Framework, AssessmentView[]>> {
  if (!can(ctx, "maturity:read")) throw forbidden("You cannot read maturity assessments");
  const rows = (await db.maturityAssessment.findMany({
    select: assessmentSelect,
    orderBy: [{ period: "asc" }],
  })) as Row[];
  const out = Object.fromEntries(FRAMEWORKS.map((f) => [f, [] as AssessmentView[]])) as Record<
    Framework,
    AssessmentView[]
  >;
  for (const r of rows) out[r.framework].push(view(r));
  return out;
}

export async function findAssessment(ctx: Ctx, framework: Framework, period: string): Promise<AssessmentView | null> {
  if (!can(ctx, "maturity:read")) throw forbidden("You cannot read maturity assessments");
  const row = (await db.maturityAssessment.findUnique({
    where: { framework_period: { framework, period } },
    select: assessmentSelect,
  })) as Row | null;
  return row ? view(row) : null;
}

const raced = () =>
  new AppError("CONFLICT", "Someone assessed this framework for this quarter just now. Reload to see their scores.");

/**
 * Records the caller's assessment of one framework for one quarter, or edits the existing one (its
 * scores replaced, the caller becoming its assessor), with the audit event on the same transaction.
 */
export async function saveAssessment(ctx: Ctx, input: AssessmentInput, now = new Date()) {
  if (!can(ctx, "maturity:assess")) throw forbidden("Only channel operations and executives assess maturity");
  const parsed = assessmentInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields", zodFieldErrors(parsed.error));
  const data = parsed.data;
  const quarter = parseQuarter(data.period)!;
  if (quarter.start > now)
    throw new AppError("VALIDATION", "Check the highlighted fields", {
      period: ["Assess a quarter that has started"],
    });
  const assessorId = ctx.via === "session" ? ctx.userId : null;
  try {
    return await transaction(db, async (tx) => {
      const key = { framework: data.framework, period: data.period };
      const before = await tx.maturityAssessment.findUnique({
        where: { framework_period: key },
        select: { id: true, assessorId: true, scores: { select: { dimension: true, score: true, evidence: true } } },
      });
      let id: string;
      if (before) {
        id = before.id;
        await tx.maturityScore.deleteMany({ where: { assessmentId: id } });
        await tx.maturityAssessment.update({ where: { id }, data: { assessorId } });
      } else {
        id = (
          await tx.maturityAssessment.create({ data: { ...key, assessorId, createdAt: now }, select: { id: true } })
        ).id;
      }
      await tx.maturityScore.createMany({ data: data.scores.map((s) => ({ ...s, assessmentId: id })) });
      await audit(
        tx,
        ctx,
        {
          action: before ? "maturity.assessment.update" : "maturity.assessment.create",
          entityType: "MaturityAssessment",
          entityId: id,
          before: before ? { ...key, scores: before.scores } : undefined,
          after: { ...key, scores: data.scores },
        },
        now,
      );
      return { id, framework: data.framework, period: data.period, updated: !!before };
    });
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") throw raced();
    throw error;
  }
}

// ── measured indicators ──

export type Indicator = IndicatorDef & {
  period: string;
  /** the measured value (a share 0–1, or days); null when the period holds nothing to measure */
  value: number | null;
  /** what the value is counted over, e.g. "120 of 286 deals"; each number links to its list */
  part: { count: number; href: string; noun?: string } | null;
  whole: { count: number; href: string; noun: string } | null;
  /** the page that shows the figure itself when no list counts it (leakage, hand-offs) */
  href: string;
  suggestedScore: number | null;
};

function indicator(
  key: IndicatorKey,
  period: string,
  value: number | null,
  links: Pick<Indicator, "part" | "whole" | "href">,
): Indicator {
  return { ...INDICATOR_DEFS[key], period, value, ...links, suggestedScore: suggestedScore(key, value) };
}

const DAY_MS = 86_400_000;

async function countOpps(ctx: Ctx, q: Record<string, string>) {
  const where = opportunityListWhere(ctx, opportunityListQuery.parse(q));
  return { count: await db.opportunity.count({ where }), href: opportunitiesHref(q) };
}

async function countRegs(ctx: Ctx, q: Record<string, string>) {
  const where = await registrationListWhere(ctx, registrationListQuery.parse(q));
  return { count: await db.dealRegistration.count({ where }), href: `/registrations?${new URLSearchParams(q)}` };
}

async function engineRouted(ctx: Ctx, q: Quarter) {
  const closed = { closedFrom: q.firstDay, closedTo: q.lastDay };
  const [part, whole] = await Promise.all([countOpps(ctx, { ...closed, routed: "yes" }), countOpps(ctx, closed)]);
  return indicator("engineRoutedShare", q.label, share(part.count, whole.count), {
    part,
    whole: { ...whole, noun: "deals closed" },
    href: whole.href,
  });
}

async function partnerSourced(ctx: Ctx, q: Quarter) {
  const won = { stage: "CLOSED_WON", closedFrom: q.firstDay, closedTo: q.lastDay };
  const [part, whole] = await Promise.all([countOpps(ctx, { ...won, source: "PARTNER" }), countOpps(ctx, won)]);
  return indicator("partnerSourcedShare", q.label, share(part.count, whole.count), {
    part,
    whole: { ...whole, noun: "deals won" },
    href: whole.href,
  });
}

async function approvalSla(ctx: Ctx, q: Quarter) {
  const decided = { decidedFrom: q.firstDay, decidedTo: q.lastDay };
  const [part, whole] = await Promise.all([countRegs(ctx, { ...decided, sla: "met" }), countRegs(ctx, decided)]);
  return indicator("approvalSlaAttainment", q.label, share(part.count, whole.count), {
    part,
    whole: { ...whole, noun: "registrations decided" },
    href: whole.href,
  });
}

/** Conflict cases are read through the conflict list's own where clause (all the caller's scope, resolved). */
async function conflictResolution(ctx: Ctx, q: Quarter, now: Date) {
  const filters = { status: "RESOLVED", openedFrom: q.firstDay, openedTo: q.lastDay, slice: "all" } as const;
  const rows = await db.conflict.findMany({
    where: conflictWhere(ctx, conflictFilters(filters), now),
    select: { openedAt: true, resolvedAt: true },
  });
  const days = rows.flatMap((r) => (r.resolvedAt ? [(r.resolvedAt.getTime() - r.openedAt.getTime()) / DAY_MS] : []));
  const m = median(days);
  const href = `/conflicts?${conflictQueryString(filters)}`;
  return indicator("conflictResolutionDays", q.label, m === null ? null : Math.round(m * 10) / 10, {
    part: null,
    whole: { count: rows.length, href, noun: "cases resolved" },
    href,
  });
}

async function leakage(ctx: Ctx, q: Quarter) {
  const period = parsePeriod(q.label)!;
  const won = { stage: "CLOSED_WON", closedFrom: q.firstDay, closedTo: q.lastDay };
  const [report, acv] = await Promise.all([
    leakageReport(ctx, period),
    db.opportunity.aggregate({
      where: opportunityListWhere(ctx, opportunityListQuery.parse(won)),
      _sum: { acvCents: true },
    }),
  ]);
  const wonAcv = Number(acv._sum.acvCents ?? 0);
  return indicator("discountLeakage", q.label, share(report.total.cents, wonAcv), {
    part: { count: report.total.count, href: report.total.href, noun: "won deals beyond their corridor" },
    whole: null,
    href: `/pricing/leakage?period=${q.label}`,
  });
}

async function handoffs(ctx: Ctx, q: Quarter) {
  const stats = await handoffStats(ctx, { from: q.start, to: q.end });
  const offers = stats.reduce((n, s) => n + s.offers, 0);
  const accepted = stats.reduce((n, s) => n + s.accepted, 0);
  const period = parsePeriod(q.label)!;
  const answered = handoffOffersHref(period, "answered");
  return indicator("handoffAcceptance", q.label, share(accepted, offers), {
    part: { count: accepted, href: handoffOffersHref(period, "accepted") },
    whole: { count: offers, href: answered, noun: "offers answered or expired" },
    href: answered,
  });
}

/** Each indicator the caller's permissions allow, for one quarter, in the caller's scope. */
export async function measuredIndicators(
  ctx: Ctx,
  period: string,
  now = new Date(),
): Promise<Partial<Record<IndicatorKey, Indicator>>> {
  if (!can(ctx, "maturity:read")) throw forbidden("You cannot read maturity assessments");
  const q = parseQuarter(period);
  if (!q) throw new AppError("VALIDATION", "Use a quarter like 2026-Q3");
  const jobs: Promise<Indicator>[] = [];
  if (can(ctx, "opportunity:read")) jobs.push(engineRouted(ctx, q), partnerSourced(ctx, q));
  if (can(ctx, "registration:read")) jobs.push(approvalSla(ctx, q));
  if (can(ctx, "conflict:read")) jobs.push(conflictResolution(ctx, q, now));
  if (can(ctx, "pricing:read")) jobs.push(leakage(ctx, q));
  if (can(ctx, "handoff:read-stats")) jobs.push(handoffs(ctx, q));
  const out: Partial<Record<IndicatorKey, Indicator>> = {};
  for (const i of await Promise.all(jobs)) out[i.key] = i;
  return out;
}

export type FrameworkOverview = {
  /** the assessment shown: the asked quarter's, else the framework's latest; none when never assessed */
  assessment: AssessmentView | null;
  /** the quarter its indicators are measured for */
  period: string;
  indicators: Partial<Record<IndicatorKey, Indicator>>;
};

/**
 * What /maturity and GET /api/v1/maturity show: every assessment (the trend) and per framework the
 * assessment of the asked quarter (else its latest) with the indicators measured for that quarter.
 */
export async function maturityOverview(
  ctx: Ctx,
  asked: string | undefined,
  now = new Date(),
): Promise<{ assessments: Record<Framework, AssessmentView[]>; frameworks: Record<Framework, FrameworkOverview> }> {
  const assessments = await listAssessments(ctx);
  const shown = (f: Framework) =>
    (asked && assessments[f].find((a) => a.period === asked)) || assessments[f].at(-1) || null;
  const periodOf = (f: Framework) => shown(f)?.period ?? asked ?? defaultPeriod(assessments, now);
  const wanted = [...new Set(FRAMEWORKS.map(periodOf))];
  const measured = new Map(
    await Promise.all(wanted.map(async (p) => [p, await measuredIndicators(ctx, p, now)] as const)),
  );
  const frameworks = Object.fromEntries(
    FRAMEWORKS.map((f) => [
      f,
      { assessment: shown(f), period: periodOf(f), indicators: measured.get(periodOf(f)) ?? {} },
    ]),
  ) as Record<Framework, FrameworkOverview>;
  return { assessments, frameworks };
}

/** The quarter the page shows by default: the one of the latest assessment, else the current one. */
function defaultPeriod(assessments: Record<Framework, AssessmentView[]>, now: Date): string {
  const latest = FRAMEWORKS.flatMap((f) => assessments[f].map((a) => a.period))
    .sort()
    .at(-1);
  return latest ?? quarterOf(now).label;
}

/**
 * The enablement gaps for the council agenda: the lowest-scored dimensions (below 3) of each
 * framework's latest assessment up to `now`, lowest first.
 */
export async function maturityGaps(ctx: Ctx, now: Date, limit = 5): Promise<ScoredDimension[]> {
  const all = await listAssessments(ctx);
  const current = quarterOf(now).label;
  const latest: ScoredDimension[] = [];
  for (const f of FRAMEWORKS) {
    const a = all[f].filter((x) => x.period <= current).at(-1);
    if (!a) continue;
    for (const s of a.scores) {
      const label = FRAMEWORK_DEFS[f].dimensions.find((d) => d.key === s.dimension)?.label ?? s.dimension;
      latest.push({ framework: f, dimension: s.dimension, label, score: s.score, period: a.period });
    }
  }
  return lowestDimensions(latest, limit);
}
