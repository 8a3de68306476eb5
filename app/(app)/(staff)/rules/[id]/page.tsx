import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, DefinitionList, PageHeader } from "@/components/ui/card";
import { Badge, RouteBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/table";
import {
  ConditionList,
  LEAD_LABELS,
  OutcomeSummary,
  protectionText,
  ruleSetStatus,
  windowText,
} from "@/components/rules/condition-text";
import { NewDraftButton } from "@/components/rules/editor/new-draft-button";
import { RuleSetEditor } from "@/components/rules/editor/rule-set-editor";
import { SimulationPanel } from "@/components/rules/simulation-panel";
import { ReroutePanel } from "@/components/rules/reroute-panel";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { findRuleSet, ruleSetInForceAt } from "@/lib/db/rule-sets";
import { formatDateTime, humanize } from "@/lib/format";
import type { Rule } from "@/lib/rules";

export const metadata: Metadata = { title: "Rule set" };

const columns: Column<Rule>[] = [
  {
    key: "priority",
    header: "Priority",
    cell: (r) => <span className="font-mono text-xs text-slate-600">{r.priority}</span>,
  },
  {
    key: "name",
    header: "Rule",
    cell: (r) => (
      <span id={`rule-${r.id}`} className="font-medium text-slate-900">
        {r.name}
      </span>
    ),
  },
  { key: "when", header: "When", cell: (r) => <ConditionList conditions={r.conditions} /> },
  {
    key: "route",
    header: "Route",
    cell: (r) => (
      <>
        <RouteBadge route={r.outcome.route} />
        <span className="mt-1 block text-xs text-slate-500">{humanize(r.outcome.attributionCategory)}</span>
      </>
    ),
  },
  { key: "lead", header: "Lead", cell: (r) => LEAD_LABELS[r.outcome.leadRole] },
  {
    key: "protection",
    header: "Protection",
    cell: (r) => <span className="whitespace-nowrap">{protectionText(r.outcome.protectionDays)}</span>,
  },
  {
    key: "rationale",
    header: "Rationale",
    cell: (r) => <span className="block max-w-md text-slate-700">{r.rationale || "—"}</span>,
  },
];

export default async function RuleSetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const set = await findRuleSet(ctx, (await params).id);
  if (!set) notFound();
  const isAdmin = can(ctx, "ruleset:edit");
  const now = new Date();
  const inForce = await ruleSetInForceAt(now);
  const status = ruleSetStatus(set, inForce?.id ?? null, now);
  const isDraft = set.status === "DRAFT";
  const { engine } = set;

  return (
    <>
      <Link href="/rules" className="text-sm text-brand-700 hover:underline">
        ← Rules of engagement
      </Link>
      <PageHeader
        title={`Rules of engagement v${set.version}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={status.tone}>{status.label}</Badge>
            {!isDraft && <span>{windowText(set)}</span>}
          </span>
        }
        actions={
          <>
            {inForce && inForce.id !== set.id && (
              <ButtonLink href={`/rules/diff?a=${inForce.id}&b=${set.id}`}>Compare with in force</ButtonLink>
            )}
            <ButtonLink href="/rules/explorer">Decision explorer</ButtonLink>
            {isAdmin && !isDraft && <NewDraftButton fromId={set.id} label="New draft from this version" />}
          </>
        }
      />
      <div className="space-y-6">
        <Card title="About this version">
          <DefinitionList
            items={[
              ["Author", set.author?.name ?? "—"],
              ["Last changed", formatDateTime(set.updatedAt)],
              ...(isDraft
                ? []
                : ([
                    ["Published by", set.publisher?.name ?? "—"],
                    ["Published", formatDateTime(set.publishedAt)],
                  ] as [string, React.ReactNode][])),
              ["Rules", String(engine.rules.length)],
              ["Change note", set.changeNote ? <span className="whitespace-pre-wrap">{set.changeNote}</span> : "—"],
            ]}
          />
        </Card>
        {isDraft && isAdmin ? (
          <>
            <RuleSetEditor
              id={set.id}
              version={set.version}
              lockVersion={set.lockVersion}
              changeNote={set.changeNote ?? ""}
              rules={engine.rules}
              defaultOutcome={engine.defaultOutcome}
            />
            <SimulationPanel ruleSetId={set.id} />
          </>
        ) : (
          <>
            {isDraft && (
              <p role="status" className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">
                This is a draft that channel operations is still editing. It routes no deals until it is published.
              </p>
            )}
            {engine.rules.length === 0 ? (
              <Card title="Rules">
                <p className="text-sm text-slate-600">
                  This version has no rules: every deal gets the default outcome.
                </p>
              </Card>
            ) : (
              <section aria-labelledby="rules-heading">
                <h2 id="rules-heading" className="mb-2 text-sm font-semibold text-slate-800">
                  Rules — tried top to bottom; the first match decides
                </h2>
                <DataTable
                  rows={[...engine.rules]}
                  columns={columns}
                  path={`/rules/${set.id}`}
                  query={{}}
                  sort="priority"
                  dir="asc"
                  caption={`Rules of version ${set.version} in priority order`}
                />
              </section>
            )}
            <Card title="Default outcome — when no rule matches">
              <OutcomeSummary outcome={engine.defaultOutcome} />
              {engine.defaultOutcome.rationale && (
                <p className="mt-2 text-sm text-slate-700">{engine.defaultOutcome.rationale}</p>
              )}
            </Card>
            {isAdmin && inForce?.id === set.id && <ReroutePanel />}
          </>
        )}
      </div>
    </>
  );
}
