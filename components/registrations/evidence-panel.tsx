// What a reviewer needs before deciding (docs/domain.md#duplicates-and-overlaps): the accounts the registration matches,
// other active claims on that account and the direct team's open opportunities. Staff only:
// unlike the portal, it names the other partners.
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { registrationEvidence } from "@/lib/db/registration-evidence";
import { formatDate, formatMoney, humanize } from "@/lib/format";

type Evidence = NonNullable<Awaited<ReturnType<typeof registrationEvidence>>>;

const TH = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const TD = "px-3 py-2 align-top text-slate-800";

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
      {count === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200">{children}</div>
      )}
    </section>
  );
}

function Table({ caption, headers, children }: { caption: string; headers: string[]; children: React.ReactNode }) {
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50">
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" className={TH}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
}

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
            <Table
              caption="Accounts matching the registration"
              headers={["Account", "Domain", "Country", "Tier", "Owner"]}
            >
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td className={TD}>
                    <Link href={`/accounts/${a.id}`} className="font-medium text-brand-700 hover:underline">
                      {a.name}
                    </Link>
                    {a.namedAccount && (
                      <Badge tone="amber" className="ml-2">
                        Named account
                      </Badge>
                    )}
                  </td>
                  <td className={TD}>{a.domain ?? "—"}</td>
                  <td className={TD}>{a.country}</td>
                  <td className={TD}>{humanize(a.tier)}</td>
                  <td className={TD}>{a.owner?.name ?? <span className="text-slate-500">No owner</span>}</td>
                </tr>
              ))}
            </Table>
          </Section>
          <Section
            id="evidence-claims"
            title="Other active registrations on this account"
            count={otherClaims.length}
            empty="No other partner or registration claims this account."
          >
            <Table
              caption="Other active registrations on the account"
              headers={["Partner", "Product line", "Status", "Submitted", "Protected until"]}
            >
              {otherClaims.map((c) => (
                <tr key={c.id} className={c.productLine.name === productLine ? "bg-amber-50/40" : undefined}>
                  <td className={TD}>
                    <Link href={`/registrations/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.partner.name}
                    </Link>
                    {c.holdsClaim && (
                      <Badge tone="violet" className="ml-2">
                        Holds protection
                      </Badge>
                    )}
                  </td>
                  <td className={TD}>
                    {c.productLine.name}
                    {c.productLine.name === productLine && (
                      <span className="ml-1 text-xs font-medium text-amber-800">(same)</span>
                    )}
                  </td>
                  <td className={TD}>
                    <StatusBadge status={c.status} />
                  </td>
                  <td className={TD}>{formatDate(c.submittedAt)}</td>
                  <td className={TD}>
                    {c.status === "APPROVED" ? formatDate(c.protectedUntil) : <span className="text-slate-500">—</span>}
                  </td>
                </tr>
              ))}
            </Table>
          </Section>
          <Section
            id="evidence-direct"
            title="Open direct opportunities"
            count={directOpportunities.length}
            empty="The direct team has no open opportunity on this account."
          >
            <Table
              caption="Open direct opportunities on the account"
              headers={["Opportunity", "Stage", "ACV", "Account executive"]}
            >
              {directOpportunities.map((o) => (
                <tr key={o.id}>
                  <td className={TD}>
                    <Link href={`/opportunities/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.name}
                    </Link>
                  </td>
                  <td className={TD}>
                    <Badge>{humanize(o.stage)}</Badge>
                  </td>
                  <td className={`${TD} tabular-nums`}>{formatMoney(o.acvCents)}</td>
                  <td className={TD}>{o.ae?.name ?? <span className="text-slate-500">Unassigned</span>}</td>
                </tr>
              ))}
            </Table>
          </Section>
        </div>
      </Card>
    </div>
  );
}
