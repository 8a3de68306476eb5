import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { RegistrationDetailView } from "@/components/registrations/registration-detail";
import { DecisionPanel } from "@/components/registrations/decision-panel";
import { EvidencePanel } from "@/components/registrations/evidence-panel";
import { CasesOn } from "@/components/conflicts/cases-on";
import { staffContext } from "@/lib/auth/page";
import { listCasesOn } from "@/lib/db/conflicts";
import { can } from "@/lib/auth/permissions";
import { registrationEvidence } from "@/lib/db/registration-evidence";
import { dormantDays, findRegistration } from "@/lib/db/registrations";

export default async function RegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const id = (await params).id;
  // both reads are scoped to the caller; the evidence is null exactly when the registration is
  const [reg, evidence, dormant, cases] = await Promise.all([
    findRegistration(ctx, id),
    registrationEvidence(ctx, id),
    dormantDays(),
    listCasesOn(ctx, { registrationId: id }),
  ]);
  if (!reg) notFound();
  const now = new Date();
  return (
    <>
      <Link href="/registrations" className="text-sm text-brand-700 hover:underline">
        ← Registrations
      </Link>
      <PageHeader title={reg.accountName} description={`${reg.partner.name} · ${reg.productLine.name}`} />
      {/* rendered whatever the status, so the outcome stays on screen after the decision refreshes the page */}
      {can(ctx, "registration:decide") && (
        <DecisionPanel
          id={reg.id}
          status={reg.status}
          slaDueAt={reg.slaDueAt.toISOString()}
          overdue={reg.status === "SUBMITTED" && reg.slaDueAt < now}
        />
      )}
      <CasesOn cases={cases} casePath="/conflicts" />
      <RegistrationDetailView reg={reg} showPartner dormantDays={dormant} />
      {evidence && <EvidencePanel evidence={evidence} productLine={reg.productLine.name} />}
    </>
  );
}
