import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { RegistrationList } from "@/components/registrations/registration-list";
import { listPage, partnerContext } from "@/lib/auth/page";
import { listRegistrations } from "@/lib/db/registrations";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "My registrations" };

export default async function MyRegistrationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await partnerContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = registrationListQuery.omit({ partnerId: true }).safeParse(raw);
  if (!parsed.success) notFound();
  const page = await listPage(listRegistrations(ctx, parsed.data));
  return (
    <>
      <PageHeader
        title="My registrations"
        description="Your company's deal registrations, their status and protection."
        actions={
          <>
            <ButtonLink href="/portal/registrations/upload">Upload CSV</ButtonLink>
            <ButtonLink href="/portal/registrations/new" variant="primary">
              Register a deal
            </ButtonLink>
          </>
        }
      />
      <RegistrationList
        page={page}
        query={parsed.data}
        raw={raw}
        path="/portal/registrations"
        showPartner={false}
        now={new Date()}
      />
    </>
  );
}
