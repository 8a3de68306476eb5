import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { PortalDealList } from "@/components/opportunities/portal-deal-list";
import { listPage, partnerContext } from "@/lib/auth/page";
import { listOpportunities } from "@/lib/db/opportunities";
import { fromSearchParams, opportunityListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Deals" };

// The partner's own deals (opportunityScope keeps it to them); the scorecard's deal figures link here.
export default async function PortalDealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await partnerContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = opportunityListQuery.omit({ partnerId: true, aeId: true }).safeParse(raw);
  if (!parsed.success) notFound();
  const page = await listPage(listOpportunities(ctx, parsed.data));
  return (
    <>
      <PageHeader title="Deals" description="Your company's deals with us: open, won and lost, and who sourced each." />
      <PortalDealList page={page} query={parsed.data} raw={raw} />
    </>
  );
}
