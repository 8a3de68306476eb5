import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { RegistrationDetailView } from "@/components/registrations/registration-detail";
import { partnerContext } from "@/lib/auth/page";
import { findRegistration } from "@/lib/db/registrations";

export default async function MyRegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await partnerContext();
  // scoped to the caller's company: another partner's id is answered exactly like a missing one
  const reg = await findRegistration(ctx, (await params).id);
  if (!reg) notFound();
  return (
    <>
      <Link href="/portal/registrations" className="text-sm text-brand-700 hover:underline">← My registrations</Link>
      <PageHeader title={reg.accountName} description={reg.productLine.name} />
      <RegistrationDetailView reg={reg} showPartner={false} />
    </>
  );
}
