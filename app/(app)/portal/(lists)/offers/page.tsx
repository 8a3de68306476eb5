import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { OfferList } from "@/components/handoffs/offer-list";
import { listPage, partnerContext } from "@/lib/auth/page";
import { listOffers } from "@/lib/db/handoffs";
import { handoffOfferListQuery } from "@/lib/validation/handoffs";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Offers" };

export default async function OffersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await partnerContext();
  const raw = fromSearchParams(await searchParams);
  // the period and outcome filters too: the scorecard's hand-off acceptance links here with them
  const parsed = handoffOfferListQuery.omit({ partnerId: true, opportunityId: true, lead: true }).safeParse(raw);
  if (!parsed.success) notFound();
  const page = await listPage(listOffers(ctx, parsed.data));
  return (
    <>
      <PageHeader
        title="Offers"
        description="Deals channel operations offer to your company. Accept to take the deal and protect it, or decline with a reason before the time runs out."
      />
      <OfferList page={page} query={parsed.data} raw={raw} now={new Date()} />
    </>
  );
}
