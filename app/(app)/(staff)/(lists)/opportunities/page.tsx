import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { OpportunityList } from "@/components/opportunities/opportunity-list";
import { listPage, staffContext } from "@/lib/auth/page";
import { listOpportunities } from "@/lib/db/opportunities";
import { listPartnerOptions } from "@/lib/db/partners";
import { fromSearchParams, opportunityListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Opportunities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DESCRIPTION: Record<string, string> = {
  AE: "Your deals, the route each one is on and why.",
  PARTNER_MANAGER: "Deals of the partners you manage.",
};

export default async function OpportunitiesPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = opportunityListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, partners] = await Promise.all([listPage(listOpportunities(ctx, parsed.data)), listPartnerOptions(ctx)]);
  const emptyHint =
    ctx.role === "AE" ? "Deals where you are the AE appear here, with their route and the rule that set it." : ctx.role === "PARTNER_MANAGER" ? "Deals your partners sell, or registered and converted, appear here." : "Opportunities arrive from the CRM and from converted partner registrations.";
  return (
    <>
      <PageHeader title="Opportunities" description={DESCRIPTION[ctx.role] ?? "The whole pipeline, direct and partner, with each deal's route."} />
      <OpportunityList page={page} query={parsed.data} raw={raw} path="/opportunities" partnerOptions={partners} emptyHint={emptyHint} />
    </>
  );
}
