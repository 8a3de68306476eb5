import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/shell/no-access";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { staffContext } from "@/lib/auth/page";
import { findOpportunity } from "@/lib/db/opportunities";
import { opportunityFormOptions } from "@/lib/db/opportunity-forms";
import { isOpenStage } from "@/lib/opportunities/stages";
import { dollarsText } from "@/lib/money";

export const metadata: Metadata = { title: "Edit opportunity" };

export default async function EditOpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext("opportunity:update");
  const opp = await findOpportunity(ctx, (await params).id);
  if (!opp) notFound();
  if (!ctx.allowed) return <NoAccess what="Editing opportunities" />;
  const back = (
    <Link href={`/opportunities/${opp.id}`} className="text-sm text-brand-700 hover:underline">
      ← {opp.name}
    </Link>
  );
  if (!isOpenStage(opp.stage))
    return (
      <>
        {back}
        <PageHeader title={`Edit ${opp.name}`} description="This deal is closed; it takes no more changes." />
      </>
    );
  const options = await opportunityFormOptions(ctx);
  return (
    <>
      {back}
      <PageHeader
        title={`Edit ${opp.name}`}
        description={
          "Saving re-runs the rules of engagement. The route never moves on an edit: if the rules now say " +
          "otherwise, the deal is flagged for channel operations to review."
        }
      />
      <OpportunityForm
        mode="edit"
        id={opp.id}
        account={{ id: opp.account.id, name: opp.account.name }}
        expectedUpdatedAt={opp.updatedAt.toISOString()}
        options={options}
        initial={{
          name: opp.name,
          productLineId: opp.productLineId,
          acvCents: dollarsText(opp.acvCents),
          listPriceCents: dollarsText(opp.listPriceCents),
          discountPct: String(opp.discountPct),
          closeDate: opp.closeDate.toISOString().slice(0, 10),
          stage: opp.stage,
          partnerId: opp.partnerId ?? "",
          aeId: opp.aeId ?? "",
        }}
      />
    </>
  );
}
