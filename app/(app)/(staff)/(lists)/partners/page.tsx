import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { PartnerList } from "@/components/partners/partner-list";
import { ButtonLink } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { listPage, staffContext } from "@/lib/auth/page";
import { listPartners } from "@/lib/db/partners";
import { fromSearchParams, partnerListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Partners" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnersPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = partnerListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const page = await listPage(listPartners(ctx, parsed.data));
  const description =
    parsed.data.managerId && parsed.data.managerId === ctx.userId
      ? "The partners you manage, with the registrations and opportunities you can see."
      : "Every partner company: type, tier, manager and regions served. Counts show the rows you can open.";
  return (
    <>
      <PageHeader
        title="Partners"
        description={description}
        actions={
          can(ctx, "partner:manage") ? (
            <ButtonLink href="/partners/new" variant="primary">
              New partner
            </ButtonLink>
          ) : undefined
        }
      />
      <PartnerList page={page} query={parsed.data} raw={raw} path="/partners" />
    </>
  );
}
