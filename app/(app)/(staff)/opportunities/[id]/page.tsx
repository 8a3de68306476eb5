import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { OpportunityDetailView } from "@/components/opportunities/opportunity-detail";
import { staffContext } from "@/lib/auth/page";
import { findOpportunity } from "@/lib/db/opportunities";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Opportunity" };

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const opp = await findOpportunity(ctx, (await params).id);
  if (!opp) notFound();
  return (
    <>
      <Link href="/opportunities" className="text-sm text-brand-700 hover:underline">
        ← Opportunities
      </Link>
      <PageHeader
        title={opp.name}
        description={`${opp.account.name} · ${opp.productLine.name} · ${formatMoney(opp.acvCents, opp.currency)}`}
      />
      <OpportunityDetailView opp={opp} />
    </>
  );
}
