import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { Badge, type Tone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table } from "@/components/ui/table";
import { ConditionList, OutcomeSummary, ruleSetStatus } from "@/components/rules/condition-text";
import { staffContext } from "@/lib/auth/page";
import { findRuleSet, listRuleSets, type RuleSetSummary } from "@/lib/db/rule-sets";
import { formatDateTime, formatNumber, humanize } from "@/lib/format";
import { diffRuleSets, ruleSetInForce, type DefaultOutcome, type Rule, type RuleChange } from "@/lib/rules";

export const metadata: Metadata = { title: "Compare rule set versions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Field = "name" | "conditions" | "outcome" | "rationale";
type DiffRow = {
  id: string;
  className: string;
  label: React.ReactNode;
  before: React.ReactNode;
  after: React.ReactNode;
};

const KIND: Record<RuleChange["kind"], { label: string; tone: Tone; row: string }> = {
  added: { label: "Added", tone: "green", row: "bg-emerald-50/60 border-l-4 border-l-emerald-400" },
  removed: { label: "Removed", tone: "red", row: "bg-red-50/60 border-l-4 border-l-red-400" },
  changed: { label: "Changed", tone: "amber", row: "bg-amber-50/40 border-l-4 border-l-amber-400" },
  unchanged: { label: "Unchanged", tone: "slate", row: "border-l-4 border-l-transparent" },
};

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 64 ? v : undefined);
const versionLabel = (s: RuleSetSummary, inForceId: string | null, now: Date) =>
  `v${s.version} · ${ruleSetStatus(s, inForceId, now).label}`;

/** Part of a rule cell, marked when the diff says that field changed so the eye finds it. */
function Part({ changed, children, className }: { changed: boolean; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("rounded px-1.5 py-0.5", changed && "bg-amber-100 ring-1 ring-inset ring-amber-300", className)}>
      {children}
      {changed && <span className="sr-only"> (changed)</span>}
    </div>
  );
}

function RuleCell({ rule, fields }: { rule?: Rule; fields: Field[] }) {
  if (!rule) return <p className="px-1.5 text-sm italic text-slate-500">Not in this version</p>;
  return (
    <div className="space-y-1 text-sm">
      <Part changed={fields.includes("name")} className="font-medium text-slate-900">
        {rule.name}
      </Part>
      <Part changed={fields.includes("conditions")} className="text-slate-700">
        <ConditionList conditions={rule.conditions} />
      </Part>
      <Part changed={fields.includes("outcome")}>
        <OutcomeSummary outcome={rule.outcome} />
      </Part>
      <Part changed={fields.includes("rationale")} className="text-xs text-slate-600">
        {rule.rationale || "No rationale"}
      </Part>
    </div>
  );
}

function DefaultCell({ outcome, changed }: { outcome: DefaultOutcome; changed: boolean }) {
  return (
    <Part changed={changed} className="space-y-1 text-sm">
      <OutcomeSummary outcome={outcome} />
      {outcome.rationale && <p className="text-xs text-slate-600">{outcome.rationale}</p>}
    </Part>
  );
}

function Picker({
  sets,
  a,
  b,
  onlyChanges,
  inForceId,
  now,
}: {
  sets: RuleSetSummary[];
  a: string;
  b: string;
  onlyChanges: boolean;
  inForceId: string | null;
  now: Date;
}) {
  // max-w-full: a long version label (a scheduled start date) must not widen the page on a phone
  const select = "w-full max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  const options = sets.map((s) => (
    <option key={s.id} value={s.id}>
      {versionLabel(s, inForceId, now)}
    </option>
  ));
  return (
    // a GET form: every comparison is a shareable link and works without JavaScript
    <form
      method="get"
      action="/rules/diff"
      className="mb-6 flex min-w-0 flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-slate-600">
        Before
        <select name="a" defaultValue={a} className={select}>
          {options}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-slate-600">
        After
        <select name="b" defaultValue={b} className={select}>
          {options}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="only" value="changes" defaultChecked={onlyChanges} /> Only differences
      </label>
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
      >
        Compare
      </button>
      <Link
        href={`/rules/diff?a=${b}&b=${a}${onlyChanges ? "&only=changes" : ""}`}
        className="px-2 py-1.5 text-sm text-slate-600 hover:text-slate-900"
      >
        Swap
      </Link>
    </form>
  );
}

export default async function RuleSetDiffPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const sp = await searchParams;
  const sets = await listRuleSets(ctx);
  const now = new Date();
  const inForce = ruleSetInForce(sets, now);
  const header = (
    <PageHeader
      title="Compare rule set versions"
      description="Rules are matched by priority. Highlighted parts differ between the two versions."
      actions={<ButtonLink href="/rules">All versions</ButtonLink>}
    />
  );
  if (sets.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No rule sets yet">
          Once the default rules of engagement are installed, versions can be compared here.
        </EmptyState>
      </>
    );
  }
  // defaults: what is in force against the newest draft (or, failing that, the newest version)
  const newestDraft = sets.find((s) => s.status === "DRAFT");
  const bId = one(sp.b) ?? (newestDraft ?? sets[0]).id;
  const aId =
    one(sp.a) ?? (inForce && inForce.id !== bId ? inForce.id : (sets.find((s) => s.id !== bId) ?? sets[0]).id);
  const onlyChanges = sp.only === "changes";
  const [before, after] = await Promise.all([findRuleSet(ctx, aId), findRuleSet(ctx, bId)]);
  const picker = (
    <Picker
      sets={sets}
      a={before ? aId : (inForce?.id ?? sets[0].id)}
      b={after ? bId : sets[0].id}
      onlyChanges={onlyChanges}
      inForceId={inForce?.id ?? null}
      now={now}
    />
  );
  if (!before || !after) {
    return (
      <>
        {header}
        {picker}
        <EmptyState title="Version not found">
          One of the versions in the link does not exist (a deleted draft, perhaps). Pick two versions above.
        </EmptyState>
      </>
    );
  }

  const diff = diffRuleSets(before.engine, after.engine);
  const rows = onlyChanges ? diff.changes.filter((c) => c.kind !== "unchanged") : diff.changes;
  const same = before.id === after.id;
  const identical = diff.counts.added + diff.counts.removed + diff.counts.changed === 0 && !diff.defaultOutcomeChanged;
  return (
    <>
      {header}
      {picker}
      {same && (
        <p role="status" className="mb-4 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">
          Both sides are version {before.version}. Pick a different version to see changes.
        </p>
      )}
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-5">
        <Stat label="Added" value={formatNumber(diff.counts.added)} />
        <Stat
          label="Removed"
          value={formatNumber(diff.counts.removed)}
          tone={diff.counts.removed ? "warn" : undefined}
        />
        <Stat
          label="Changed"
          value={formatNumber(diff.counts.changed)}
          tone={diff.counts.changed ? "warn" : undefined}
        />
        <Stat label="Unchanged" value={formatNumber(diff.counts.unchanged)} />
        <Stat
          label="Default outcome"
          value={diff.defaultOutcomeChanged ? "Changed" : "Same"}
          tone={diff.defaultOutcomeChanged ? "warn" : undefined}
        />
      </div>
      {!same && identical && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Versions {before.version} and {after.version} route every deal the same way: no rule and no default outcome
          differs.
        </p>
      )}
      {rows.length === 0 && (
        <p role="status" className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
          No rule differs. Untick “Only differences” to see every rule.
        </p>
      )}
      <Table
        caption={`Rules of version ${before.version} and version ${after.version}, side by side by priority`}
        rows={[
          ...rows.map((c): DiffRow => {
            const fields: Field[] = c.kind === "changed" ? c.fields : [];
            return {
              id: String(c.priority),
              className: KIND[c.kind].row,
              label: (
                <>
                  <span className="font-mono text-xs text-slate-600">{c.priority}</span>
                  <Badge tone={KIND[c.kind].tone} className="ml-2 md:ml-0 md:mt-1 md:flex md:w-fit">
                    {KIND[c.kind].label}
                  </Badge>
                  {fields.length > 0 && (
                    <span className="mt-1 block text-xs text-amber-800">{fields.map(humanize).join(", ")}</span>
                  )}
                </>
              ),
              before: <RuleCell rule={c.kind === "added" ? undefined : c.before} fields={fields} />,
              after: <RuleCell rule={c.kind === "removed" ? undefined : c.after} fields={fields} />,
            };
          }),
          {
            id: "default",
            className: diff.defaultOutcomeChanged ? KIND.changed.row : KIND.unchanged.row,
            label: (
              <>
                <span className="text-xs font-semibold text-slate-700">Default</span>
                <Badge
                  tone={diff.defaultOutcomeChanged ? "amber" : "slate"}
                  className="ml-2 md:ml-0 md:mt-1 md:flex md:w-fit"
                >
                  {diff.defaultOutcomeChanged ? "Changed" : "Unchanged"}
                </Badge>
              </>
            ),
            before: <DefaultCell outcome={diff.before.defaultOutcome} changed={diff.defaultOutcomeChanged} />,
            after: <DefaultCell outcome={diff.after.defaultOutcome} changed={diff.defaultOutcomeChanged} />,
          },
        ]}
        rowClassName={(r) => r.className}
        header={(col) => {
          const s = col.key === "before" ? before : col.key === "after" ? after : null;
          if (!s) return col.header;
          return (
            <>
              <Link href={`/rules/${s.id}`} className="hover:underline">
                {col.header}
              </Link>
              <span className="ml-2 font-normal normal-case text-slate-500">
                {s.effectiveFrom ? `from ${formatDateTime(s.effectiveFrom)}` : humanize(s.status)}
              </span>
            </>
          );
        }}
        columns={[
          { key: "priority", header: "Priority", className: "md:w-36", cell: (r) => r.label },
          { key: "before", header: `Before: v${before.version}`, className: "md:w-[42%]", cell: (r) => r.before },
          { key: "after", header: `After: v${after.version}`, className: "md:w-[42%]", cell: (r) => r.after },
        ]}
      />
      <Card className="mt-6" title="Change notes">
        <dl className="space-y-3 text-sm">
          {[before, after].map((s) => (
            <div key={s.id}>
              <dt className="font-medium text-slate-800">Version {s.version}</dt>
              <dd className="whitespace-pre-wrap text-slate-700">{s.changeNote || "No change note."}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
