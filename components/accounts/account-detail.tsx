import Link from "next/link";
import { isProtecting } from "@/lib/registrations/lifecycle";
import { Card, DefinitionList } from "@/components/ui/card";
import { RouteBadge, StatusBadge } from "@/components/ui/badge";
import { DealRouteBadge } from "@/components/opportunities/route-label";
import { ButtonLink } from "@/components/ui/button";
import { hrefWith } from "@/components/ui/url";
import { Table } from "@/components/ui/table";
import type { AccountDetail } from "@/lib/db/accounts";
import { formatDate, formatMoney, formatNumber, humanize } from "@/lib/format";

export function AccountDetailView({ detail }: { detail: AccountDetail }) {
  const { account, opportunities, registrations, opportunityCount, registrationCount } = detail;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card
          title={`Opportunities (${formatNumber(opportunityCount)})`}
          action={
            opportunityCount > opportunities.length ? (
              <Link
                href={hrefWith("/opportunities", { accountId: account.id }, {})}
                className="text-xs font-medium text-brand-700 hover:underline"
              >
                View all
              </Link>
            ) : undefined
          }
        >
          {opportunities.length === 0 ? (
            <p className="text-sm text-slate-600">
              No opportunities on this account that you can see. Deals appear here once an AE opens one or a
              registration converts.
            </p>
          ) : (
            <Table
              layout="flush"
              rows={opportunities}
              caption="Opportunities on this account"
              columns={[
                {
                  header: "Opportunity",
                  cell: (o) => (
                    <Link href={`/opportunities/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.name}
                    </Link>
                  ),
                },
                { header: "Product", cell: (o) => o.productLine.name },
                { header: "Stage", cell: (o) => <StatusBadge status={o.stage} /> },
                { header: "Route", cell: (o) => <DealRouteBadge route={o.route} partnerId={o.partnerId} /> },
                { header: "ACV", align: "right", cell: (o) => formatMoney(o.acvCents, o.currency) },
                { header: "Close", cell: (o) => formatDate(o.closeDate) },
              ]}
            />
          )}
        </Card>
        <Card title={`Deal registrations (${formatNumber(registrationCount)})`}>
          {registrations.length === 0 ? (
            <p className="text-sm text-slate-600">No partner has registered a deal on this account that you can see.</p>
          ) : (
            <Table
              layout="flush"
              rows={registrations}
              caption="Deal registrations on this account"
              columns={[
                {
                  header: "Partner",
                  cell: (r) => (
                    <Link href={`/registrations/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.partner.name}
                    </Link>
                  ),
                },
                { header: "Product", cell: (r) => r.productLine.name },
                { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
                { header: "Route", cell: (r) => <RouteBadge route={r.route} /> },
                { header: "Est. ACV", align: "right", cell: (r) => formatMoney(r.estimatedAcvCents, r.currency) },
                { header: "Submitted", cell: (r) => formatDate(r.submittedAt) },
                {
                  header: "Protected until",
                  cell: (r) =>
                    isProtecting(r.status) ? formatDate(r.protectedUntil) : <span className="text-slate-500">—</span>,
                },
              ]}
            />
          )}
        </Card>
      </div>
      <div className="space-y-6">
        <Card title="Profile">
          <DefinitionList
            items={[
              ["Domain", account.domain ?? "—"],
              ["Country", account.country],
              ["Region", `${account.region.name} (${account.region.code})`],
              ["Direct presence", account.region.directPresence ? "Yes" : "No — partner-led by default"],
              ["Vertical", humanize(account.vertical)],
              ["Tier", humanize(account.tier)],
              ["Owner (AE)", account.owner?.name ?? "Unassigned"],
              ["Created", formatDate(account.createdAt)],
            ]}
          />
        </Card>
        <Card title="Named account">
          {account.namedAccount ? (
            <p className="text-sm text-slate-700">
              <strong className="text-amber-800">Reserved for direct.</strong> Partner registrations here open a
              named-account conflict, and deals route direct with a partner attached.
            </p>
          ) : (
            <p className="text-sm text-slate-700">
              Not a named account: the rules of engagement decide each deal&apos;s route by region, vertical, product
              and size.
            </p>
          )}
          {account.owner && (
            <div className="mt-4">
              <ButtonLink href={hrefWith("/accounts", { ownerId: account.owner.id }, {})} variant="ghost">
                Other accounts of {account.owner.name}
              </ButtonLink>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
