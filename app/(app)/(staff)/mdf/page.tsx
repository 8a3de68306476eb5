import type { Metadata } from "next";
import { MdfDecideActions } from "@/components/mdf/decide-actions";
import { MdfFundSection } from "@/components/mdf/fund-section";
import { MdfRequestQueue } from "@/components/mdf/request-queue";
import { MdfRomiPanel } from "@/components/mdf/romi-panel";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { countMdfRequests, listMdfFunds, listMdfRequests, mdfFundQuarters, mdfRomi, pageMdfFunds } from "@/lib/db/mdf";
import { listPartnerOptions } from "@/lib/db/partners";
import { formatMoney } from "@/lib/format";
import { fromSearchParams } from "@/lib/validation/lists";
import { mdfListQuery } from "@/lib/validation/mdf";

export const metadata: Metadata = { title: "MDF" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MdfPage({ searchParams }: Props) {
  const ctx = await staffContext("mdf:read");
  if (!ctx.allowed) return <NoAccess what="MDF" />;
  const parsed = mdfListQuery.safeParse(fromSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : {};
  const now = new Date();
  const [funds, page, counts, romi, fundPage, quarters, partners] = await Promise.all([
    listMdfFunds(ctx, now),
    listMdfRequests(ctx, query),
    countMdfRequests(ctx),
    mdfRomi(ctx),
    pageMdfFunds(ctx, query, now),
    mdfFundQuarters(ctx),
    listPartnerOptions(ctx),
  ]);
  const canDecide = can(ctx, "mdf:decide");
  const canPay = can(ctx, "mdf:pay");
  return (
    <>
      <PageHeader
        title="Market development funds"
        description="Funds per quarter for partners and motions, the requests against them, and what the paid activities returned in won revenue."
      />
      <div className="space-y-6">
        <MdfRequestQueue
          path="/mdf"
          status={query.status}
          counts={counts}
          page={page}
          now={now}
          showPartner
          dealPath="/opportunities"
          empty="Partners request funds from the portal; their requests wait here for a decision."
          actions={(r) => (
            <MdfDecideActions
              id={r.id}
              label={`${r.partnerName}'s ${formatMoney(r.amountCents)} request`}
              status={r.status}
              canDecide={canDecide}
              canPay={canPay}
            />
          )}
        />
        <MdfRomiPanel romi={romi} funds={funds} />
        <MdfFundSection path="/mdf" query={query} page={fundPage} quarters={quarters} partners={partners} now={now} />
      </div>
    </>
  );
}
