// The report's two tables about people and rules: time to resolve per escalation level, and the
// routing rules behind the most cases, each linking to that rule in the rule editor.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Table, type Column } from "@/components/ui/table";
import type { LevelResolution, RuleGroup } from "@/lib/conflicts/patterns";
import { formatNumber, formatPct } from "@/lib/format";
import { CountLink } from "./breakdown";

const LEVEL_LABEL: Record<number, string> = {
  1: "Level 1 — AE and partner manager",
  2: "Level 2 — VP Sales and VP Channel",
  3: "Level 3 — CRO",
  4: "Level 4 — CEO",
};

/** 20 h under two days, else days with one decimal. */
function formatDuration(seconds: number): string {
  const hours = seconds / 3_600;
  if (hours < 48) return `${formatNumber(Math.round(hours * 10) / 10)} h`;
  return `${formatNumber(Math.round((hours / 24) * 10) / 10)} days`;
}

export function ResolutionTable({ levels }: { levels: LevelResolution[] }) {
  const rows = levels.map((l) => ({ ...l, id: String(l.level) }));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: "level", header: "Level at resolution", cell: (l) => LEVEL_LABEL[l.level] ?? `Level ${l.level}` },
    {
      key: "resolved",
      header: "Resolved",
      align: "right",
      cell: (l) => <CountLink count={l.resolved} href={l.href} label={`resolved at level ${l.level}`} />,
    },
    {
      key: "median",
      header: "Median time to resolve",
      align: "right",
      cell: (l) => (l.medianSeconds === null ? "—" : formatDuration(l.medianSeconds)),
    },
  ];
  return (
    <Card title="Time to resolve, by level">
      <Table rows={rows} columns={columns} caption="Median time from opening to resolution per level" layout="flush" />
    </Card>
  );
}

export function TopRules({ rules, total }: { rules: RuleGroup[]; total: number }) {
  const rows = rules.map((r) => ({ ...r, id: r.key }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: "rule",
      header: "Rule",
      cell: (r) => (
        <span>
          <span className="font-medium text-slate-900">{r.label}</span>
          <span className="block text-xs text-slate-500">
            Rule set v{r.ruleSetVersion} · priority {r.priority}
          </span>
        </span>
      ),
    },
    {
      key: "count",
      header: "Cases",
      align: "right",
      cell: (r) => <CountLink count={r.count} href={r.href} label={`cases routed by ${r.label}`} />,
    },
    {
      key: "share",
      header: "Share",
      align: "right",
      cell: (r) => <span className="tabular-nums text-slate-600">{total ? formatPct(r.count / total) : "—"}</span>,
    },
    {
      key: "edit",
      header: "Rule editor",
      hideHeader: true,
      cell: (r) =>
        r.editorHref ? (
          <Link href={r.editorHref} className="text-brand-700 hover:underline">
            Open rule<span className="sr-only"> {r.label}</span> in the editor
          </Link>
        ) : null,
    },
  ];
  return (
    <Card title="Rules causing the most conflicts">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          No case this quarter was routed by a rule: the deals involved fell to the default outcome or were not routed.
        </p>
      ) : (
        <Table rows={rows} columns={columns} caption="Routing rules behind the most cases" layout="flush" />
      )}
    </Card>
  );
}
