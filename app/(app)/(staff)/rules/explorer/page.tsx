import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ruleSetStatus } from "@/components/rules/condition-text";
import { DecisionExplorer } from "@/components/rules/decision-explorer";
import { DealPicker } from "@/components/rules/deal-picker";
import { staffContext } from "@/lib/auth/page";
import { findOpportunityFacts } from "@/lib/db/decision-facts";
import { findRuleSet, listRuleSets } from "@/lib/db/rule-sets";
import { formatDateTime } from "@/lib/format";
import { ruleSetInForce } from "@/lib/rules";

export const metadata: Metadata = { title: "Decision explorer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) =>
  typeof v === "string" && v.trim() && v.length <= 64 ? v.trim() : undefined;
const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

export default async function DecisionExplorerPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const sp = await searchParams;
  const now = new Date();
  const sets = await listRuleSets(ctx);
  const header = (
    <>
      <Link href="/rules" className="text-sm text-brand-700 hover:underline">
        ← Rules of engagement
      </Link>
      <PageHeader
        title="Decision explorer"
        description={
          "Type a deal's facts, or load a deal's recorded facts by its name, and see which route a rule set " +
          "version gives it and why. Nothing is stored."
        }
        actions={<ButtonLink href="/rules/diff">Compare versions</ButtonLink>}
      />
    </>
  );
  if (sets.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No rule sets yet">
          Once the default rules of engagement are installed, decisions can be explored here.
        </EmptyState>
      </>
    );
  }

  const inForce = ruleSetInForce(sets, now);
  const requested = one(sp.ruleSet);
  const opportunityId = one(sp.opportunity);
  const [chosen, opportunity] = await Promise.all([
    findRuleSet(ctx, requested ?? inForce?.id ?? sets[0].id),
    opportunityId ? findOpportunityFacts(ctx, opportunityId) : null,
  ]);
  const ruleSet = chosen ?? (await findRuleSet(ctx, inForce?.id ?? sets[0].id));
  if (!ruleSet)
    return (
      <>
        {header}
        <EmptyState title="Rule set not found">Pick another version.</EmptyState>
      </>
    );

  return (
    <>
      {header}
      {/* next/form navigates client-side, so switching versions keeps the facts already typed */}
      <Form
        action="/rules/explorer"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      >
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Rule set
          <select name="ruleSet" defaultValue={ruleSet.id} className={FIELD}>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                v{s.version} · {ruleSetStatus(s, inForce?.id ?? null, now).label}
              </option>
            ))}
          </select>
        </label>
        {/* switching versions keeps the deal loaded */}
        {opportunity && <input type="hidden" name="opportunity" value={opportunity.id} />}
        <button
          type="submit"
          className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900"
        >
          Apply
        </button>
        <div className="ml-auto">
          <DealPicker current={opportunity ? { id: opportunity.id, name: opportunity.name } : null} />
        </div>
      </Form>
      {requested && !chosen && (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That rule set version does not exist; showing version {ruleSet.version}.
        </p>
      )}
      {opportunityId && !opportunity && (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That deal does not exist or is not one you can open. Pick a deal by typing its name.
        </p>
      )}
      {opportunity && (
        <p role="status" className="mb-4 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">
          {opportunity.facts ? (
            <>
              Facts of <DealLinks deal={opportunity} /> as recorded on {formatDateTime(opportunity.decidedAt)}
              {opportunity.ruleSetVersion !== null && ` under v${opportunity.ruleSetVersion}`}. Change any of them to
              ask “what if”.
            </>
          ) : (
            <>
              <DealLinks deal={opportunity} /> has no recorded route decision to load; enter its facts by hand.
            </>
          )}
        </p>
      )}
      <DecisionExplorer
        key={opportunity?.id ?? "blank"}
        ruleSet={{ id: ruleSet.id, version: ruleSet.version, label: `v${ruleSet.version}` }}
        initialFacts={opportunity?.facts ?? null}
        initialPartnerName={opportunity?.partnerName ?? null}
        recorded={opportunity ? { route: opportunity.route, ruleSetVersion: opportunity.ruleSetVersion } : null}
      />
    </>
  );
}

/** The deal and its account by name, each linking to its page. */
function DealLinks({ deal }: { deal: { id: string; name: string; account: { id: string; name: string } } }) {
  return (
    <>
      <Link href={`/opportunities/${deal.id}`} className="font-medium underline">
        {deal.name}
      </Link>{" "}
      (account{" "}
      <Link href={`/accounts/${deal.account.id}`} className="font-medium underline">
        {deal.account.name}
      </Link>
      )
    </>
  );
}
