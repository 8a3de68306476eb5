// What a reviewer needs before deciding (docs/domain.md#duplicates-and-overlaps): the accounts the registration matches,
// other active claims on that account and the direct team's open opportunities. Staff only:
// unlike the portal, it names the other partners.
import { isProtecting } from "@/lib/registrations/lifecycle";
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, type Column } from "@/components/ui/table";
import type { registrationEvidence } from "@/lib/db/registration-evidence";
import { formatDate, formatMoney, humanize } from "@/lib/format";

type Evidence = NonNullable<Awaited<ReturnType<typeof registrationEvidence>>>;

function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 text-sm font-semibold text-slate-800">
        {title} <span className="font-normal text-slate-500">({count})</span>
      </h3>
      {count === 0 ? <p className="text-sm text-slate-600">{empty}</p> : children}
    </section>
  );
}

type Account = Evidence["accounts"][number];
type Claim = Evidence["otherClaims"][number];
type DirectOpportunity = Evidence["directOpportunities"][number];

const LINK = "font-medium text-brand-700 hover:underline";

const ACCOUNT_COLUMNS: Column<Account>[] = [
  {
    header: "Account",
    cell: (a) => (
      <>
        <Link href={`/accounts/${a.id}`} className={LINK}>
          {a.name}
        </Link>
        {a.namedAccount && (
          <Badge tone="amber" className="ml-2">
            Named account
          </Badge>
        )}
      </>
    ),
  },
  { header: "Domain", cell: (a) => a.domain ?? "—" },
  { header: "Country", cell: (a) => a.country },
  { header: "Tier", cell: (a) => humanize(a.tier) },
  { header: "Owner", cell: (a) => a.owner?.name ?? <span className="text-slate-500">No owner</span> },
];

function claimColumns(productLine: string): Column<Claim>[] {
  return [
    {
      header: "Partner",
      cell: (c) => (
        <>
          <Link href={`/registrations/${c.id}`} className={LINK}>
            {c.partner.name}
          </Link>
          {c.holdsClaim && (
            <Badge tone="violet" className="ml-2">
              Holds protection
            </Badge>
          )}
        </>
      ),
    },
    {
      header: "Product line",
      cell: (c) => (
        <>
          {c.productLine.name}
          {c.productLine.name === productLine && (
            <span className="ml-1 text-xs font-medium text-amber-800">(same)</span>
          )}
        </>
      ),
    },
    { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
    { header: "Submitted", cell: (c) => formatDate(c.submittedAt) },
    {
      header: "Protected until",
      cell: (c) => (isProtecting(c.status) ? formatDate(c.protectedUntil) : <span className="text-slate-500">—</span>),
    },
  ];
}

const DIRECT_COLUMNS: Column<DirectOpportunity>[] = [
  {
    header: "Opportunity",
    cell: (o) => (
      <Link href={`/opportunities/${o.id}`} className={LINK}>
        {o.name}
      </Link>
    ),
  },
  { header: "Stage", cell: (o) => <Badge>{humanize(o.stage)}</Badge> },
  { header: "ACV", align: "right", cell: (o) => formatMoney(o.acvCents) },
  { header: "Account executive", cell: (o) => o.ae?.name ?? <span className="text-slate-500">Unassigned</span> },
];

export function EvidencePanel({ evidence, productLine }: { evidence: Evidence; productLine: string }) {
  const { accounts, otherClaims, directOpportunities } = evidence;
  return (
    <div id="evidence" className="mt-6 scroll-mt-6">
      <Card title="Evidence">
        <div className="space-y-6">
          <Section
            id="evidence-accounts"
            title="Matching accounts"
            count={accounts.length}
            empty="No existing account matches this name or domain; approval creates the account."
          >
            <Table rows={accounts} columns={ACCOUNT_COLUMNS} caption="Accounts matching the registration" />
          </Section>
          <Section
            id="evidence-claims"
            title="Other active registrations on this account"
            count={otherClaims.length}
            empty="No other partner or registration claims this account."
          >
            <Table
              rows={otherClaims}
              columns={claimColumns(productLine)}
              caption="Other active registrations on the account"
              rowClassName={(c) => (c.productLine.name === productLine ? "bg-amber-50/40" : undefined)}
            />
          </Section>
          <Section
            id="evidence-direct"
            title="Open direct opportunities"
            count={directOpportunities.length}
            empty="The direct team has no open opportunity on this account."
          >
            <Table
              rows={directOpportunities}
              columns={DIRECT_COLUMNS}
              caption="Open direct opportunities on the account"
            />
          </Section>
        </div>
      </Card>
    </div>
  );
}
