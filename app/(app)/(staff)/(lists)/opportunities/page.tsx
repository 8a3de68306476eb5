import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { OpportunityList } from "@/components/opportunities/opportunity-list";
import { listPage, staffContext } from "@/lib/auth/page";
import type { Role } from "@/lib/auth/types";
import { listOpportunities } from "@/lib/db/opportunities";
import { listPartnerOptions } from "@/lib/db/partners";
import { fromSearchParams, opportunityListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Opportunities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// what the list holds for each role (lib/db/scope.ts opportunityScope), in words
const DESCRIPTION: Partial<Record<Role, string>> = {
  AE: "Your deals, the route each one is on and why.",
  PARTNER_MANAGER: "Deals of the partners you manage.",
};
const EMPTY_HINT: Partial<Record<Role, string>> = {
  AE: "Deals where you are the AE appear here, with their route and the rule that set it.",
  PARTNER_MANAGER: "Deals your partners sell, or registered and converted, appear here.",
};

export default async function OpportunitiesPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = opportunityListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, partners] = await Promise.all([listPage(listOpportunities(ctx, parsed.data)), listPartnerOptions(ctx)]);
  const emptyHint =
    EMPTY_HINT[ctx.role] ?? "Opportunities arrive from the CRM and from converted partner registrations.";
  return (
    <>
      <PageHeader
        title="Opportunities"
        description={DESCRIPTION[ctx.role] ?? "The whole pipeline, direct and partner, with each deal's route."}
        actions={
          can(ctx, "opportunity:create") ? (
            <ButtonLink href="/opportunities/new" variant="primary">
              New opportunity
            </ButtonLink>
          ) : undefined
        }
      />
      <OpportunityList
        page={page}
        query={parsed.data}
        raw={raw}
        path="/opportunities"
        partnerOptions={partners}
        emptyHint={emptyHint}
      />
    </>
  );
}
