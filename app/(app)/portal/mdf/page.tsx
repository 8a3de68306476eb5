import type { Metadata } from "next";
import { MdfClaimForm } from "@/components/mdf/claim-form";
import { MdfFundTable } from "@/components/mdf/mdf-tables";
import { MdfRequestForm } from "@/components/mdf/request-form";
import { MdfRequestQueue } from "@/components/mdf/request-queue";
import { MdfRomiPanel } from "@/components/mdf/romi-panel";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { partnerContext } from "@/lib/auth/page";
import { countMdfRequests, listMdfFunds, listMdfRequests, mdfRomi } from "@/lib/db/mdf";
import { formatMoney } from "@/lib/format";
import { fromSearchParams } from "@/lib/validation/lists";
import { mdfListQuery } from "@/lib/validation/mdf";

export const metadata: Metadata = { title: "MDF" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The partner's own funds and requests only (lib/db/scope.ts mdfFundScope / mdfRequestScope). */
export default async function PortalMdfPage({ searchParams }: Props) {
  const ctx = await partnerContext();
  const parsed = mdfListQuery.safeParse(fromSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : {};
  const now = new Date();
  const [funds, page, counts, romi] = await Promise.all([
    listMdfFunds(ctx, now),
    listMdfRequests(ctx, query),
    countMdfRequests(ctx),
    mdfRomi(ctx),
  ]);
  const open = funds.filter((f) => f.open && f.balanceCents > 0n);
  return (
    <>
      <PageHeader
        title="Market development funds"
        description="Request funds for an activity, claim them with proof once approved, and see what they returned."
      />
      <div className="space-y-6">
        <Card title="Request funds">
          {open.length === 0 ? (
            <EmptyState title="No fund open">
              You have no MDF fund with money left this quarter. Ask your partner manager about next quarter&apos;s.
            </EmptyState>
          ) : (
            <MdfRequestForm
              funds={open.map((f) => ({ id: f.id, label: `${f.quarter}: ${formatMoney(f.balanceCents)} left` }))}
            />
          )}
        </Card>
        <MdfRequestQueue
          path="/portal/mdf"
          status={query.status}
          counts={counts}
          page={page}
          now={now}
          showPartner={false}
          empty="Your requests and their history appear here."
          actions={(r) => (r.status === "APPROVED" ? <MdfClaimForm id={r.id} activity={r.activity} /> : null)}
        />
        <MdfRomiPanel romi={romi} funds={funds} />
        <section aria-labelledby="mdf-funds-heading" className="space-y-3">
          <h2 id="mdf-funds-heading" className="text-base font-semibold text-slate-900">
            Your funds
          </h2>
          {funds.length === 0 ? (
            <EmptyState title="No funds yet">Funds are allocated per quarter by channel operations.</EmptyState>
          ) : (
            <MdfFundTable funds={funds} now={now} showOwner={false} />
          )}
        </section>
      </div>
    </>
  );
}
