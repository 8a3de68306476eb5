import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { RegistrationDetailView } from "@/components/registrations/registration-detail";
import { staffContext } from "@/lib/auth/page";
import { findRegistration } from "@/lib/db/registrations";

export default async function RegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const reg = await findRegistration(ctx, (await params).id);
  if (!reg) notFound();
  return (
    <>
      <Link href="/registrations" className="text-sm text-brand-700 hover:underline">← Registrations</Link>
      <PageHeader title={reg.accountName} description={`${reg.partner.name} · ${reg.productLine.name}`} />
      <RegistrationDetailView reg={reg} showPartner />
    </>
  );
}
