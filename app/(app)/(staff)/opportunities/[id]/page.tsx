import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { OpportunityDetailView } from "@/components/opportunities/opportunity-detail";
import { CasesOn } from "@/components/conflicts/cases-on";
import { RaiseConflictButton } from "@/components/conflicts/raise-conflict";
import { listCasesOn } from "@/lib/db/conflicts";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listPartnerOptions } from "@/lib/db/partners";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { findOpportunity } from "@/lib/db/opportunities";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Opportunity" };

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const opp = await findOpportunity(ctx, (await params).id);
  if (!opp) notFound();
  // the AE of an open deal may open a case on it ("a partner claims my deal" / "I want to co-sell")
  const raise =
    can(ctx, "conflict:raise") &&
    can(ctx, "opportunity:manage") &&
    (OPEN_STAGES as readonly string[]).includes(opp.stage);
  const [partners, cases] = await Promise.all([
    raise ? listPartnerOptions(ctx) : [],
    listCasesOn(ctx, { opportunityId: opp.id }),
  ]);
  return (
    <>
      <Link href="/opportunities" className="text-sm text-brand-700 hover:underline">
        ← Opportunities
      </Link>
      <PageHeader
        title={opp.name}
        description={`${opp.account.name} · ${opp.productLine.name} · ${formatMoney(opp.acvCents, opp.currency)}`}
        actions={
          raise && !cases.some((c) => c.status === "OPEN") ? (
            <RaiseConflictButton subject={{ opportunityId: opp.id }} casePath="/conflicts" partners={partners} />
          ) : undefined
        }
      />
      <CasesOn cases={cases} casePath="/conflicts" />
      <OpportunityDetailView opp={opp} />
    </>
  );
}
