import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ListView } from "@/components/ui/list-view";
import { type Column } from "@/components/ui/table";
import { ruleSetStatus, windowText } from "@/components/rules/condition-text";
import { NewDraftButton } from "@/components/rules/editor/new-draft-button";
import { listPage, staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { findNewestRuleSet, listRuleSetPage, ruleSetInForceAt, type RuleSetListRow } from "@/lib/db/rule-sets";
import { formatDateTime, formatNumber } from "@/lib/format";
import { fromSearchParams, RULE_SET_STATUSES, ruleSetListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Rules of engagement" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type VersionOption = { id: string; version: number; label: string };

function CompareForm({ options, a, b }: { options: VersionOption[]; a?: string; b?: string }) {
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  const choices = options.map((o) => (
    <option key={o.id} value={o.id}>
      {o.label}
    </option>
  ));
  return (
    // a plain GET form: the comparison is a shareable URL and works without JavaScript
    <form method="get" action="/rules/diff" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        From
        <select name="a" defaultValue={a} className={select}>
          {choices}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        To
        <select name="b" defaultValue={b} className={select}>
          {choices}
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

export default async function RulesPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = ruleSetListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const query = parsed.data;
  const isAdmin = can(ctx, "ruleset:edit");
  const now = new Date();
  const [page, inForce, newest] = await Promise.all([
    listPage(listRuleSetPage(ctx, query)),
    ruleSetInForceAt(now),
    findNewestRuleSet(ctx),
  ]);

  const columns: Column<RuleSetListRow>[] = [
    {
      key: "version",
      header: "Version",
      sortKey: "version",
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
      cell: (s) =>
        s.previous ? (
          <Link
            href={`/rules/diff?a=${s.previous.id}&b=${s.id}`}
            className="whitespace-nowrap text-sm text-brand-700 hover:underline"
            aria-label={`Compare v${s.previous.version} with v${s.version}`}
          >
            vs v{s.previous.version}
          </Link>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
  ];

  // the comparison form offers this page's versions and the one in force; by default what is in
  // force against the newest version (or the newest two)
  const options = new Map<string, VersionOption>();
  const offer = (v: { id: string; version: number }, what: string) =>
    options.has(v.id) || options.set(v.id, { id: v.id, version: v.version, label: `v${v.version} · ${what}` });
  if (inForce) offer(inForce, "in force");
  if (newest) offer(newest, newest.status.toLowerCase());
  for (const s of page.items) offer(s, s.status.toLowerCase());
  const sorted = [...options.values()].sort((x, y) => y.version - x.version);
  const second = page.items.find((s) => s.id !== newest?.id);
  const [compareA, compareB] =
    inForce && newest && newest.id !== inForce.id ? [inForce.id, newest.id] : [second?.id, newest?.id];
  const filtered = Boolean(query.status);

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
            {isAdmin && newest && <NewDraftButton fromId={inForce ? undefined : newest.id} />}
          </>
        }
      />
      {!newest ? (
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
          <ListView
            path="/rules"
            query={raw}
            filters={[{ kind: "select", name: "status", label: "Status", options: RULE_SET_STATUSES }]}
            keep={{ dir: raw.dir, sort: raw.sort }}
            page={page}
            columns={columns}
            sort={query.sort}
            dir={query.dir ?? "desc"}
            caption="Rule set versions, newest first"
            empty={{
              title: filtered ? "No versions with this status" : "No versions on this page",
              body: filtered ? "Choose “All” to see every version." : "Go back to the first page.",
            }}
          />
          {sorted.length > 1 && (
            <Card title="Compare two versions">
              <CompareForm options={sorted} a={compareA} b={compareB} />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
