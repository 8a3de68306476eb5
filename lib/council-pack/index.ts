// The monthly council pack (docs/domain.md#council-pack), pure: the meeting's month, the auto agenda
// built from figures lib/db/council-pack.ts counts, and the pack as titled tables that the page, the
// CSV and the PDF export all read. No Next.js, React or Prisma here.
import { formatMoney, formatNumber, formatPct } from "@/lib/format";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-12" for a valid YYYY-MM, else null. */
export function parseMonth(value: string): { year: number; month: number; label: string } | null {
  const m = MONTH.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), label: value };
}

/** The month a date falls in, UTC ("2026-12"). */
export function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month `offset` months from `month` ("2026-01", -1 → "2025-12"). */
export function shiftMonth(month: string, offset: number): string {
  const p = parseMonth(month);
  if (!p) throw new Error(`Not a month: ${month}`);
  return monthOf(new Date(Date.UTC(p.year, p.month - 1 + offset, 1)));
}

/** "December 2026". */
export function monthTitle(month: string, locale = "en-US"): string {
  const p = parseMonth(month);
  if (!p) return month;
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(p.year, p.month - 1, 1)),
  );
}

/** A counted figure and the list that shows exactly what it counts. */
type Counted = { count: number; href: string };

export type AgendaInputs = {
  month: string;
  currency: string;
  /** partner-sourced share of pipeline created (0–1), this month and last; null when not measured for the reader */
  channelMix: { current: number | null; previous: number | null; href: string | null } | null;
  disputesOpen: Counted;
  /** open co-sell deals whose expected close date has passed */
  coSellAtRisk: Counted & { acvCents: number };
  overdueConflicts: Counted;
  /** the rules whose deals opened most conflicts this month, most first (null when not measured for the reader) */
  topRules: { label: string; count: number; href: string | null }[] | null;
  /** the lowest-scored dimensions of the latest maturity assessments, lowest first (null when not measured for the reader) */
  gaps: { framework: string; dimension: string; score: number; period: string; href: string }[] | null;
};

type AgendaKey = "channelMix" | "disputes" | "coSellAtRisk" | "overdueConflicts" | "topRules" | "enablementGaps";

export type AgendaItem = {
  key: AgendaKey;
  title: string;
  /** the headline figure of the item, formatted */
  figure: string;
  /** one sentence saying what the figure is */
  detail: string;
  /** the list of exactly what the figure counts (null when no list shows it) */
  href: string | null;
  /** sub-points (a rule and its count, a dimension and its score), each with its own list */
  points: { label: string; figure: string; href: string | null }[];
  /** true when the figure asks for the council's attention (a shift, something open or overdue) */
  attention: boolean;
};

/** Percentage-point change, e.g. 0.42 → 0.47 is +5.0 pts; null when either side is unknown. */
export function pointsShift(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 1000) / 10;
}

function signed(points: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    Math.abs(points),
  );
  return `${points > 0 ? "+" : points < 0 ? "−" : "±"}${text} pts`;
}

/** A shift of this many percentage points or more in the channel mix is worth the council's time. */
const MIX_SHIFT_POINTS = 5;

/** The auto agenda, in the order the meeting takes it. */
export function buildAgenda(input: AgendaInputs, locale = "en-US"): AgendaItem[] {
  const items: AgendaItem[] = [];
  if (input.channelMix) {
    const { current, previous, href } = input.channelMix;
    const shift = pointsShift(current, previous);
    items.push({
      key: "channelMix",
      title: "Channel-mix shift",
      figure: shift === null ? "—" : signed(shift, locale),
      detail:
        current === null
          ? "No pipeline was created this month."
          : `Partner-sourced share of pipeline created: ${formatPct(current, locale, 1)}` +
            (previous === null ? " (no pipeline last month)." : ` vs ${formatPct(previous, locale, 1)} last month.`),
      href,
      points: [],
      attention: shift !== null && Math.abs(shift) >= MIX_SHIFT_POINTS,
    });
  }
  items.push({
    key: "disputes",
    title: "Attribution disputes open",
    figure: formatNumber(input.disputesOpen.count, locale),
    detail: "Attribution disputes on closed deals still waiting for a decision.",
    href: input.disputesOpen.href,
    points: [],
    attention: input.disputesOpen.count > 0,
  });
  items.push({
    key: "coSellAtRisk",
    title: "Co-sell deals at risk",
    figure: formatNumber(input.coSellAtRisk.count, locale),
    detail:
      `Open co-sell deals past their expected close date, ` +
      `${formatMoney(input.coSellAtRisk.acvCents, input.currency, locale)} of ACV.`,
    href: input.coSellAtRisk.href,
    points: [],
    attention: input.coSellAtRisk.count > 0,
  });
  items.push({
    key: "overdueConflicts",
    title: "Overdue conflicts",
    figure: formatNumber(input.overdueConflicts.count, locale),
    detail: "Open conflict cases past their SLA deadline.",
    href: input.overdueConflicts.href,
    points: [],
    attention: input.overdueConflicts.count > 0,
  });
  if (input.topRules) {
    const total = input.topRules.reduce((n, r) => n + r.count, 0);
    items.push({
      key: "topRules",
      title: "Rules causing most conflicts",
      figure: input.topRules.length === 0 ? "None" : `${formatNumber(input.topRules[0].count, locale)} cases`,
      detail:
        input.topRules.length === 0
          ? "No conflict this month came from a routed deal."
          : `The rules whose deals opened conflicts this month (${formatNumber(total, locale)} cases in the top ${input.topRules.length}).`,
      href: input.topRules[0]?.href ?? null,
      points: input.topRules.map((r) => ({ label: r.label, figure: formatNumber(r.count, locale), href: r.href })),
      attention: input.topRules.length > 0,
    });
  }
  if (input.gaps) items.push(gapsItem(input.gaps));
  return items;
}

function gapsItem(gaps: NonNullable<AgendaInputs["gaps"]>): AgendaItem {
  return {
    key: "enablementGaps",
    title: "Enablement gaps",
    figure: gaps.length === 0 ? "None" : `${gaps.length} below 3`,
    detail:
      gaps.length === 0
        ? "No dimension of the latest maturity assessments scored below 3."
        : "The lowest-scored dimensions of the latest maturity assessments (scores 1–5).",
    href: gaps[0]?.href ?? null,
    points: gaps.map((g) => ({
      label: `${g.framework}: ${g.dimension} (${g.period})`,
      figure: `${g.score} / 5`,
      href: g.href,
    })),
    attention: gaps.length > 0,
  };
}
