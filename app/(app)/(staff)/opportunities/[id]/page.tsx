import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { RouteBadge } from "@/components/ui/badge";
import { OpportunityDetailView } from "@/components/opportunities/opportunity-detail";
import { DealTimeline, DealTouches } from "@/components/opportunities/deal-activity";
import { AcceptRouteButton, AddTouchForm, StageControls } from "@/components/opportunities/deal-actions";
import { CasesOn } from "@/components/conflicts/cases-on";
import { DealHandoff } from "@/components/handoffs/deal-handoff";
import { DealMdfLinkCard } from "@/components/mdf/deal-mdf-link";
import { RaiseConflictButton } from "@/components/conflicts/raise-conflict";
import { DisputeButton } from "@/components/payouts/dispute-button";
import { listCasesOn } from "@/lib/db/conflicts";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listPartnerOptions } from "@/lib/db/partners";
import { isOpenStage } from "@/lib/opportunities/stages";
import { findOpportunity } from "@/lib/db/opportunities";
import { findDealMdfLink } from "@/lib/db/opportunity-mdf";
import { opportunityActivity, opportunityFormOptions } from "@/lib/db/opportunity-forms";
import { formatDateTime, formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Opportunity" };

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const opp = await findOpportunity(ctx, (await params).id);
  if (!opp) notFound();
  const open = isOpenStage(opp.stage);
  // the AE of an open deal may open a case on it ("a partner claims my deal" / "I want to co-sell")
  const raise = can(ctx, "conflict:raise") && can(ctx, "opportunity:manage") && open;
  // opportunityScope already keeps an AE to its own deals: what it can see here, it may write
  const edit = open && can(ctx, "opportunity:update");
  const close = open && can(ctx, "opportunity:close");
  const touch = open && can(ctx, "opportunity:touch");
  // a closed deal's credit can be disputed (an ATTRIBUTION_DISPUTE case); the scope check is in lib/db/attribution-dispute.ts
  const dispute = !open && can(ctx, "attribution:dispute") && opp.attributions.some((a) => a.party === "PARTNER");
  const [partners, cases, activity, formOptions, mdfLink] = await Promise.all([
    raise ? listPartnerOptions(ctx) : [],
    listCasesOn(ctx, { opportunityId: opp.id }),
    opportunityActivity(ctx, opp.id),
    touch ? opportunityFormOptions(ctx) : null,
    findDealMdfLink(ctx, opp.id),
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
          <div className="flex flex-wrap gap-2">
            {edit && <ButtonLink href={`/opportunities/${opp.id}/edit`}>Edit</ButtonLink>}
            {raise && !cases.some((c) => c.status === "OPEN") && (
              <RaiseConflictButton subject={{ opportunityId: opp.id }} casePath="/conflicts" partners={partners} />
            )}
          </div>
        }
      />
      <CasesOn cases={cases} casePath="/conflicts" />
      <OpportunityDetailView
        opp={opp}
        attributionAction={
          dispute && !cases.some((c) => c.status === "OPEN") ? (
            <DisputeButton opportunityId={opp.id} dealName={opp.name} casePath="/conflicts" />
          ) : undefined
        }
        top={
          <>
            {opp.flaggedRoute && opp.route && (
              <Card title="Route flagged for review">
                <p className="text-sm text-slate-700">
                  The rules now route this deal <RouteBadge route={opp.flaggedRoute} />; it stays on{" "}
                  <RouteBadge route={opp.route} /> until channel operations accept the new route.
                </p>
                {opp.flaggedReason && <p className="mt-2 text-sm text-slate-600">{opp.flaggedReason}</p>}
                <p className="mt-1 text-xs text-slate-500">Flagged {formatDateTime(opp.flaggedAt)}</p>
                {can(ctx, "opportunity:accept-route") && (
                  <div className="mt-3">
                    <AcceptRouteButton id={opp.id} from={opp.route} to={opp.flaggedRoute} />
                  </div>
                )}
              </Card>
            )}
            {close && (
              <Card title="Stage">
                <StageControls id={opp.id} stage={opp.stage} />
              </Card>
            )}
          </>
        }
        aside={
          <>
            <DealTouches touches={activity.touches}>
              {touch && formOptions && <AddTouchForm id={opp.id} partners={formOptions.partners} />}
            </DealTouches>
            <DealHandoff ctx={ctx} opp={opp} />
            {mdfLink && <DealMdfLinkCard opportunityId={opp.id} link={mdfLink} />}
            <DealTimeline events={activity.events} />
          </>
        }
      />
    </>
  );
}
