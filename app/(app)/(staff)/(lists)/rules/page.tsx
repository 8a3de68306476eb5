import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/table";
import { ruleSetStatus, windowText } from "@/components/rules/condition-text";
import { NewDraftButton } from "@/components/rules/editor/new-draft-button";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listRuleSets, type RuleSetSummary } from "@/lib/db/rule-sets";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ruleSetInForce } from "@/lib/rules";

export const metadata: Metadata = { title: "Rules of engagement" };

function CompareForm({ sets, a, b }: { sets: RuleSetSummary[]; a?: string; b?: string }) {
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  const options = sets.map((s) => (
    <option key={s.id} value={s.id}>
      v{s.version} · {s.status === "DRAFT" ? "draft" : s.status.toLowerCase()}
    </option>
  ));
  return (
    // a plain GET form: the comparison is a shareable URL and works without JavaScript
    <form method="get" action="/rules/diff" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        From
        <select name="a" defaultValue={a} className={select}>
          {options}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        To
        <select name="b" defaultValue={b} className={select}>
          {options}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
      >
        Compare
      </button>
    </form>
  );
}

export default async function RulesPage() {
  const ctx = await staffContext();
  const isAdmin = can(ctx, "ruleset:edit");
  const sets = await listRuleSets(ctx);
  const now = new Date();
  const inForce = ruleSetInForce(sets, now);
  const previousOf = new Map(sets.map((s, i) => [s.id, sets.slice(i + 1).find((p) => p.status !== "DRAFT")] as const));

  const columns: Column<RuleSetSummary>[] = [
    {
      key: "version",
      header: "Version",
      cell: (s) => (
        <Link href={`/rules/${s.id}`} className="font-medium text-brand-700 hover:underline">
          v{s.version}
        </Link>
      ),
    },
    {
      key: "status",
      header: "Status",
      cell: (s) => {
        const st = ruleSetStatus(s, inForce?.id ?? null, now);
        return <Badge tone={st.tone}>{st.label}</Badge>;
      },
    },
    { key: "window", header: "Effective", cell: (s) => <span className="text-slate-700">{windowText(s)}</span> },
    {
      key: "people",
      header: "Author / publisher",
      cell: (s) => (
        <span className="text-slate-700">
          {s.author?.name ?? "—"}
          {s.publisher && (
            <span className="block text-xs text-slate-500">
              published by {s.publisher.name}
              {s.publishedAt ? `, ${formatDateTime(s.publishedAt)}` : ""}
            </span>
          )}
        </span>
      ),
    },
    {
      key: "note",
      header: "Change note",
      cell: (s) =>
        s.changeNote ? (
          <span className="line-clamp-2 max-w-sm text-slate-700" title={s.changeNote}>
            {s.changeNote}
          </span>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
    { key: "rules", header: "Rules", align: "right", cell: (s) => formatNumber(s._count.rules) },
    {
      key: "compare",
      header: "Compare",
      cell: (s) => {
        const prev = previousOf.get(s.id);
        return prev ? (
          <Link
            href={`/rules/diff?a=${prev.id}&b=${s.id}`}
            className="whitespace-nowrap text-sm text-brand-700 hover:underline"
            aria-label={`Compare v${prev.version} with v${s.version}`}
          >
            vs v{prev.version}
          </Link>
        ) : (
          <span className="text-slate-500">—</span>
        );
      },
    },
  ];

  // default comparison: what is in force against the newest version (or the newest two)
  const newest = sets[0];
  const [compareA, compareB] =
    inForce && newest.id !== inForce.id ? [inForce.id, newest.id] : [sets[1]?.id, newest?.id];
  return (
    <>
      <PageHeader
        title="Rules of engagement"
        description={
          "Versioned rules that give every deal its route. One published version is in " +
          "force at a time; a new version applies to deals first claimed after it takes effect."
        }
        actions={
          <>
            <ButtonLink href="/rules/explorer">Decision explorer</ButtonLink>
            {/* nothing in force (e.g. only a scheduled version): copy the newest version instead */}
            {isAdmin && sets.length > 0 && <NewDraftButton fromId={inForce ? undefined : sets[0].id} />}
          </>
        }
      />
      {sets.length === 0 ? (
        <EmptyState title="No rule sets yet">
          A fresh install seeds the default rules of engagement (version 1). Run the database setup (
          <code>npm run db:deploy</code>) and reload this page.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {inForce ? (
            <p className="text-sm text-slate-700">
              In force now:{" "}
              <Link href={`/rules/${inForce.id}`} className="font-medium text-brand-700 hover:underline">
                version {inForce.version}
              </Link>
              , since {formatDateTime(inForce.effectiveFrom)}.{isAdmin && " “New draft” starts from a copy of it."}
            </p>
          ) : (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              No published version is in force right now: new deals cannot be routed until one takes effect.
            </p>
          )}
          <DataTable
            rows={sets}
            columns={columns}
            path="/rules"
            query={{}}
            sort="version"
            dir="desc"
            caption="Rule set versions, newest first"
          />
          {sets.length > 1 && (
            <Card title="Compare two versions">
              <CompareForm sets={sets} a={compareA} b={compareB} />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
