import Link from "next/link";
import { isActive, isProtecting } from "@/lib/registrations/lifecycle";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { RegistrationDetailView } from "@/components/registrations/registration-detail";
import { PartnerActions } from "@/components/registrations/partner-actions";
import { Notice } from "@/components/ui/notice";
import { CasesOn } from "@/components/conflicts/cases-on";
import { RaiseConflictButton } from "@/components/conflicts/raise-conflict";
import { listCasesOn } from "@/lib/db/conflicts";
import { partnerContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { dormantDays, findRegistration, maxProtectionExtensions } from "@/lib/db/registrations";
import { formatDateTime } from "@/lib/format";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Why a fresh registration goes to review, in words that never name or point at another partner.
const OVERLAP: Record<string, string> = {
  DUPLICATE_REGISTRATION: "another active registration exists for this account and product line",
  DIRECT_VS_PARTNER: "the vendor's own sales team is already working on this account",
  NAMED_ACCOUNT: "the vendor covers this account with its own team",
};

export default async function MyRegistrationPage({ params, searchParams }: Props) {
  const ctx = await partnerContext();
  // scoped to the caller's company: another partner's id is answered exactly like a missing one
  const id = (await params).id;
  const [reg, maxExtensions, dormant, query, cases] = await Promise.all([
    findRegistration(ctx, id),
    maxProtectionExtensions(),
    dormantDays(),
    searchParams,
    listCasesOn(ctx, { registrationId: id }),
  ]);
  if (!reg) notFound();
  const now = new Date();
  // a converted registration protects (and takes updates and extensions) while it holds its claim;
  // it cannot be withdrawn: its deal exists (lib/registrations/lifecycle.ts)
  const canExtend =
    isProtecting(reg.status) &&
    reg.holdsClaim &&
    !!reg.protectedUntil &&
    reg.protectedUntil > now &&
    reg.extensionCount < maxExtensions;
  const canWithdraw = isActive(reg.status);
  // the banner is about the fresh submission: once decided or withdrawn, the status card says the rest
  const created = query.created === "1" && reg.status === "SUBMITTED";
  // the query string is user input: only known types pick a wording
  const conflict =
    typeof query.conflict === "string" && Object.hasOwn(OVERLAP, query.conflict)
      ? OVERLAP[query.conflict]
      : query.conflict
        ? "an overlap was found"
        : null;
  return (
    <>
      <Link href="/portal/registrations" className="text-sm text-brand-700 hover:underline">
        ← My registrations
      </Link>
      <PageHeader
        title={reg.accountName}
        description={reg.productLine.name}
        actions={
          <>
            {/* "I was here first": a case on the partner's own active registration */}
            {reg.holdsClaim && can(ctx, "conflict:raise") && !cases.some((c) => c.status === "OPEN") && (
              <RaiseConflictButton subject={{ registrationId: reg.id }} casePath="/portal/conflicts" />
            )}
            <PartnerActions
              id={reg.id}
              canExtend={canExtend}
              canWithdraw={canWithdraw}
              canUpdate={reg.holdsClaim}
              extensionsLeft={Math.max(0, maxExtensions - reg.extensionCount)}
              protectedUntil={reg.protectedUntil?.toISOString() ?? null}
            />
          </>
        }
      />
      {created && (
        <div role="status" className="mb-6">
          {conflict ? (
            <Notice tone="amber" title="Registration received: under review">
              It overlaps with existing activity on this account ({conflict}), so the vendor reviews the case before
              deciding. You will see the decision and its reason here.
            </Notice>
          ) : (
            <Notice tone="green" title="Registration submitted">
              The vendor decides by {formatDateTime(reg.slaDueAt)}. You will see the decision and its reason here.
            </Notice>
          )}
        </div>
      )}
      <CasesOn cases={cases} casePath="/portal/conflicts" />
      <RegistrationDetailView reg={reg} showPartner={false} dormantDays={dormant} />
    </>
  );
}
