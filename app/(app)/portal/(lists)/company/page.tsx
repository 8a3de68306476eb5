import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { PartnerCoverageCard, PartnerProfileCard } from "@/components/partners/partner-detail";
import { partnerContext } from "@/lib/auth/page";
import { findPartner } from "@/lib/db/partners";
import { humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage() {
  const ctx = await partnerContext();
  // the id comes from the session, never from the URL: a partner can only ever load its own company
  const detail = await findPartner(ctx, ctx.partnerId);
  if (!detail) notFound();
  const { partner } = detail;
  const users = partner.users ?? [];
  return (
    <>
      <PageHeader
        title={partner.name}
        description={
          `Your company as the vendor sees it: ${humanize(partner.tier).toLowerCase()} tier ` +
          `${humanize(partner.type).toLowerCase()}. Ask your partner manager to correct anything here.`
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <PartnerProfileCard partner={partner} />
          <PartnerCoverageCard partner={partner} />
        </div>
        <Card title={`People (${users.length})`}>
          {users.length === 0 ? (
            <p className="text-sm text-slate-600">
              No active users. Your partner manager can invite colleagues to the portal.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {users.map((u) => (
                <li key={u.id} className="py-2">
                  <p className="font-medium text-slate-800">
                    {u.name}
                    {u.id === ctx.userId ? (
                      <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>
                    ) : null}
                  </p>
                  <p className="text-slate-600">{u.email}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
