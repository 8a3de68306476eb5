// The council pack as data (docs/domain.md#council-pack): the meeting, the headline figures, the
// trend tables behind the charts and the agenda; and the pack as titled tables, which the CSV and the
// PDF export render (lib/council-pack/csv.ts, lib/council-pack/pdf.ts). Pure.
import { formatMetric } from "@/components/council/format";
import { METRICS, type MetricKey, type Unit } from "@/lib/council";
import { formatDate, humanize } from "@/lib/format";
import { monthTitle, type AgendaItem } from "./index";

/** What the pack reads of the council's figures (lib/council/types.ts CouncilMetrics). */
export type MetricsLike = {
  month: string;
  currency: string;
  metrics: {
    key: MetricKey;
    label: string;
    unit: Unit;
    total: number | null;
    href: string | null;
    trend: { month: string; value: number | null }[];
  }[];
};

export type MeetingView = {
  id: string;
  month: string;
  heldAt: Date | null;
  attendees: { id: string; name: string; title: string | null }[];
  decisions: {
    id: string;
    kind: "RULE_CHANGE" | "MDF_MOVE" | "OTHER";
    text: string;
    decidedAt: Date;
    decidedBy: string;
    ruleSet: { id: string; version: number; status: string } | null;
  }[];
  actionItems: {
    id: string;
    text: string;
    dueDate: Date;
    status: "OPEN" | "DONE";
    completedAt: Date | null;
    lockVersion: number;
    owner: { id: string; name: string };
  }[];
};

export type Headline = { key: MetricKey; label: string; value: string; href: string | null };

export type CouncilPack = {
  month: string;
  isCurrent: boolean;
  previousMonth: string;
  meeting: MeetingView | null;
  metrics: MetricsLike | null;
  headline: Headline[];
  trends: Table[];
  agenda: AgendaItem[];
};

export type Table = { title: string; columns: string[]; rows: string[][] };

/** The figures the pack opens with, in this order. */
const HEADLINE_KEYS: readonly MetricKey[] = [
  "pipelineCreated",
  "partnerSourcedPct",
  "winRate",
  "conflictRate",
  "registrationSla",
  "discountLeakage",
];

export function headlineOf(metrics: MetricsLike, locale = "en-US"): Headline[] {
  return HEADLINE_KEYS.flatMap((key) => {
    const m = metrics.metrics.find((x) => x.key === key);
    if (!m) return [];
    return [{ key, label: m.label, value: formatMetric(m.total, m.unit, metrics.currency, locale), href: m.href }];
  });
}

/** The charts' data as tables: each headline figure over the last `months` months, oldest first. */
export function trendTables(metrics: MetricsLike, locale = "en-US", months = 6): Table[] {
  const shown = HEADLINE_KEYS.flatMap((k) => metrics.metrics.filter((m) => m.key === k));
  if (shown.length === 0) return [];
  const labels = shown[0].trend.slice(-months).map((t) => t.month);
  return [
    {
      title: `Trend, last ${labels.length} months`,
      columns: ["Month", ...shown.map((m) => METRICS[m.key].label)],
      rows: labels.map((month) => [
        monthTitle(month, locale),
        ...shown.map((m) =>
          formatMetric(m.trend.find((t) => t.month === month)?.value ?? null, m.unit, metrics.currency, locale),
        ),
      ]),
    },
  ];
}

export const DECISION_KIND_LABEL: Record<MeetingView["decisions"][number]["kind"], string> = {
  RULE_CHANGE: "Change a rule",
  MDF_MOVE: "Move MDF",
  OTHER: "Other",
};

/** The whole pack as titled tables, in reading order: what the CSV and the PDF hold. */
export function packTables(pack: CouncilPack, locale = "en-US"): Table[] {
  const meeting = pack.meeting;
  const tables: Table[] = [];
  if (pack.headline.length > 0)
    tables.push({
      title: "Headline figures",
      columns: ["Figure", "Value"],
      rows: pack.headline.map((h) => [h.label, h.value]),
    });
  tables.push(...pack.trends);
  tables.push({
    title: "Agenda",
    columns: ["Item", "Figure", "Detail"],
    rows: pack.agenda.flatMap((a) => [
      [a.title, a.figure, a.detail],
      ...a.points.map((p) => [`  ${p.label}`, p.figure, ""]),
    ]),
  });
  tables.push({
    title: "Attendees",
    columns: ["Name", "Title"],
    rows: (meeting?.attendees ?? []).map((a) => [a.name, a.title ? humanize(a.title) : ""]),
  });
  tables.push({
    title: "Decisions",
    columns: ["Kind", "Decision", "Decided by", "Date", "Rule-set draft"],
    rows: (meeting?.decisions ?? []).map((d) => [
      DECISION_KIND_LABEL[d.kind],
      d.text,
      d.decidedBy,
      formatDate(d.decidedAt, locale),
      d.ruleSet ? `Version ${d.ruleSet.version} (${humanize(d.ruleSet.status)})` : "",
    ]),
  });
  tables.push({
    title: "Action items",
    columns: ["Action", "Owner", "Due", "Status"],
    rows: (meeting?.actionItems ?? []).map((a) => [
      a.text,
      a.owner.name,
      formatDate(a.dueDate, locale),
      a.status === "DONE" ? "Done" : "Open",
    ]),
  });
  return tables;
}
