import type { Metadata } from "next";
import Link from "next/link";
import { PartnerForm } from "@/components/partners/partner-form";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { partnerFormChoices } from "@/lib/db/admin-partners";

export const metadata: Metadata = { title: "New partner" };

export default async function NewPartnerPage() {
  const ctx = await staffContext("partner:manage");
  if (!ctx.allowed) return <NoAccess what="Partner administration" />;
  const choices = await partnerFormChoices(ctx);
  return (
    <>
      <Link href="/partners" className="text-sm text-brand-700 hover:underline">
        ← Partners
      </Link>
      <PageHeader
        title="New partner"
        description="Its users are added under Administration → Users once the partner exists."
      />
      <Card>
        <PartnerForm choices={choices} />
      </Card>
    </>
  );
}
