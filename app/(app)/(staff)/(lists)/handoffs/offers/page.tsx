import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StaffOfferList } from "@/components/handoffs/staff-offer-list";
import { NoAccess } from "@/components/shell/no-access";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { listPage, staffContext } from "@/lib/auth/page";
import { listOffers } from "@/lib/db/handoffs";
import { listPartnerOptions } from "@/lib/db/partners";
import { handoffOfferListQuery } from "@/lib/validation/handoffs";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Hand-off offers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Every hand-off offer in the caller's scope; the council's hand-off acceptance links here with its filters.
export default async function HandoffOffersPage({ searchParams }: Props) {
  const ctx = await staffContext("handoff:read-stats");
  if (!ctx.allowed) return <NoAccess what="Hand-off offers" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = handoffOfferListQuery.omit({ opportunityId: true }).safeParse(raw);
  if (!parsed.success) notFound();
  const [page, partners] = await Promise.all([listPage(listOffers(ctx, parsed.data)), listPartnerOptions(ctx)]);
  return (
    <>
      <PageHeader
        title="Hand-off offers"
        description="Each offer made to a partner, with its outcome: accepted, declined, expired, withdrawn or still open."
        actions={
          <ButtonLink href="/handoffs" variant="secondary">
            Hand-off queue
          </ButtonLink>
        }
      />
      <StaffOfferList page={page} query={parsed.data} raw={raw} now={new Date()} partnerOptions={partners} />
    </>
  );
}
