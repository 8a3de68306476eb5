import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { RegistrationList } from "@/components/registrations/registration-list";
import { staffContext } from "@/lib/auth/page";
import { listPartnerOptions } from "@/lib/db/partners";
import { listRegistrations } from "@/lib/db/registrations";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Registrations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegistrationsPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = registrationListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, partners] = await Promise.all([listRegistrations(ctx, parsed.data), listPartnerOptions(ctx)]);
  const description =
    ctx.role === "PARTNER_MANAGER" ? "Registrations from the partners you manage." : ctx.role === "AE" ? "Partner registrations on accounts you own." : "Every partner deal registration.";
  return (
    <>
      <PageHeader title="Deal registrations" description={description} />
      <RegistrationList page={page} query={parsed.data} raw={raw} path="/registrations" showPartner partnerOptions={partners} now={new Date()} />
    </>
  );
}
