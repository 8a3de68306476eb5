import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { ButtonLink } from "@/components/ui/button";
import { ProposalActions } from "@/components/tiers/proposal-actions";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, type Column } from "@/components/ui/table";
import { staffContext } from "@/lib/auth/page";
import { quarterOf, shiftQuarter } from "@/lib/dates/quarters";
import { listTierProposals, type TierProposalRow } from "@/lib/db/tier-proposals";
import { formatDate, formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Partner tiers" };

type Criterion = { key: string; label: string; actual: number; target: number; met: boolean };

function criterionText(c: Criterion): string {
  const f = (v: number) =>
    c.key === "minSourcedRevenueCents" ? formatMoney(v) : c.key === "minWinRate" ? formatPct(v) : formatNumber(v);
  return `${c.label} ${f(c.actual)} of ${f(c.target)}${c.met ? " ✓" : ""}`;
}

export default async function TiersPage() {
  const ctx = await staffContext("tier:manage");
  if (!ctx.allowed) return <NoAccess what="Partner tiers" />;
  const now = new Date();
  const next = shiftQuarter(quarterOf(now), 1);
  const effectiveLabel = `${formatDate(next.start)} (${next.label})`;
  const proposals = await listTierProposals(ctx);
  const columns: Column<TierProposalRow>[] = [
    {
      header: "Partner",
      cell: (p) => (
        <Link href={`/partners/${p.partner.id}`} className="font-medium text-brand-700 hover:underline">
          {p.partner.name}
        </Link>
      ),
    },
    { header: "Change", cell: (p) => `${humanize(p.fromTier)} → ${humanize(p.toTier)}` },
    { header: "From the figures of", cell: (p) => p.quarter },
    {
      header: "Criteria",
      cell: (p) => (
        <ul className="text-xs text-slate-600">
          {((p.criteria as Criterion[]) ?? []).map((c) => (
            <li key={c.key}>{criterionText(c)}</li>
          ))}
        </ul>
      ),
    },
    {
      header: "Status",
      cell: (p) =>
        p.status === "CONFIRMED" && p.effectiveFrom
          ? `Confirmed: ${humanize(p.toTier)} from ${formatDate(p.effectiveFrom)}`
          : p.status === "APPLIED"
            ? `Applied ${formatDate(p.effectiveFrom)}`
            : humanize(p.status),
    },
    {
      header: "Actions",
      hideHeader: true,
      cell: (p) =>
        p.status === "PROPOSED" ? (
          <ProposalActions
            id={p.id}
            partnerName={p.partner.name}
            change={`${humanize(p.fromTier)} → ${humanize(p.toTier)}`}
            effectiveLabel={effectiveLabel}
          />
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader
        title="Partner tiers"
        description={
          "The promotions and demotions the quarterly review proposes from the quarter just ended. A confirmed " +
          `change takes effect on ${effectiveLabel}, never mid-quarter.`
        }
        actions={
          <ButtonLink href="/admin/settings#tier-criteria" variant="secondary">
            Edit tier criteria
          </ButtonLink>
        }
      />
      <div>
        <Card title="Proposals">
          {proposals.length === 0 ? (
            <EmptyState title="No proposals">
              The review runs at the start of each quarter and proposes a change for every partner whose figures call
              for another tier.
            </EmptyState>
          ) : (
            <Table rows={proposals} columns={columns} caption="Tier proposals" layout="flush" />
          )}
        </Card>
      </div>
    </>
  );
}
