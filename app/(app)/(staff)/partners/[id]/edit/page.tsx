import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeactivationImpactPanel } from "@/components/partners/deactivation-impact";
import { PartnerForm } from "@/components/partners/partner-form";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { deactivationImpact, getPartnerForEdit, partnerFormChoices } from "@/lib/db/admin-partners";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit partner" };

type Props = { params: Promise<{ id: string }> };

export default async function EditPartnerPage({ params }: Props) {
  const ctx = await staffContext("partner:manage");
  if (!ctx.allowed) return <NoAccess what="Partner administration" />;
  const { id } = await params;
  const partner = await getPartnerForEdit(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const now = new Date();
  const [choices, impact] = await Promise.all([
    partnerFormChoices(ctx),
    partner.status === "ACTIVE" ? deactivationImpact(ctx, id, now) : null,
  ]);
  return (
    <>
      <Link href={`/partners/${id}`} className="text-sm text-brand-700 hover:underline">
        ← {partner.name}
      </Link>
      <PageHeader
        title={`Edit ${partner.name}`}
        description="Type, tier, certifications, manager, regions, verticals and status. Every change is recorded in the audit log."
      />
      <Card>
        <PartnerForm
          partner={{
            ...partner,
            id,
            managerId: partner.managerId ?? "",
            certifications: String(partner.certifications),
          }}
          choices={choices}
          impact={
            impact
              ? {
                  activeClaims: impact.activeClaims,
                  openHandoffs: impact.openHandoffs,
                  panel: <DeactivationImpactPanel partnerId={id} impact={impact} now={now} />,
                }
              : undefined
          }
        />
      </Card>
    </>
  );
}
