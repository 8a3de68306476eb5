import Link from "next/link";
import { Card, DefinitionList } from "@/components/ui/card";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { hrefWith } from "@/components/ui/url";
import type { PartnerDetail } from "@/lib/db/partners";
import { formatDate, formatNumber, humanize } from "@/lib/format";
import { REGISTRATION_STATUSES } from "@/lib/validation/lists";
import { TierBadge } from "./tier-badge";

type Partner = PartnerDetail["partner"];

// Only http(s) links are rendered as such: a stored "javascript:" value becomes a harmless path.
function websiteHref(site: string): string {
  return /^https?:\/\//i.test(site) ? site : `https://${site.replace(/^[a-z]+:\/*/i, "")}`;
}

/** Who the partner is and who manages it; shared by the staff detail and the portal company page. */
export function PartnerProfileCard({ partner }: { partner: Partner }) {
  return (
    <Card title="Profile">
      <DefinitionList
        items={[
          ["Type", humanize(partner.type)],
          ["Tier", <TierBadge key="tier" tier={partner.tier} />],
          ["Status", <StatusBadge key="status" status={partner.status} />],
          ["Headquarters", partner.country ?? "—"],
          [
            "Website",
            partner.website ? (
              <a
                href={websiteHref(partner.website)}
                className="text-brand-700 hover:underline"
                rel="noopener noreferrer"
                target="_blank"
              >
                {partner.website}
              </a>
            ) : (
              "—"
            ),
          ],
          ["Partner since", formatDate(partner.createdAt)],
          ["Partner manager", partner.manager?.name ?? "Unassigned"],
        ]}
      />
    </Card>
  );
}

/** Regions served and verticals covered: what the routing rules compare a deal against. */
export function PartnerCoverageCard({ partner }: { partner: Partner }) {
  return (
    <Card title="Coverage">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Regions served</h3>
      {partner.regions.length ? (
        <ul className="mt-1 flex flex-wrap gap-1.5">
          {partner.regions.map((r) => (
            <li key={r.region.code}>
              <Badge tone="blue">
                {r.region.name} ({r.region.code})
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">No regions recorded.</p>
      )}
      <h3 className="mt-4 text-xs font-medium uppercase tracking-wide text-slate-500">Verticals</h3>
      {partner.verticals.length ? (
        <ul className="mt-1 flex flex-wrap gap-1.5">
          {partner.verticals.map((v) => (
            <li key={v.vertical}>
              <Badge>{humanize(v.vertical)}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">No verticals recorded.</p>
      )}
    </Card>
  );
}

export function PartnerDetailView({ detail }: { detail: PartnerDetail }) {
  const { partner, registrationsByStatus } = detail;
  const regsPath = "/registrations";
  const total = Object.values(registrationsByStatus).reduce((a, b) => a + b, 0);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <PartnerProfileCard partner={partner} />
        <PartnerCoverageCard partner={partner} />
      </div>
      <div className="space-y-6">
        <Card
          title="Registrations by status"
          action={<span className="text-xs text-slate-500">{formatNumber(total)} in total</span>}
        >
          {total === 0 ? (
            <p className="text-sm text-slate-600">No registrations you can see from this partner yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {REGISTRATION_STATUSES.map((s) => (
                <li key={s} className="flex items-center justify-between py-2">
                  <Link href={hrefWith(regsPath, { partnerId: partner.id, status: s }, {})} className="hover:underline">
                    <StatusBadge status={s} />
                  </Link>
                  <span className="tabular-nums text-slate-800">{formatNumber(registrationsByStatus[s] ?? 0)}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4 flex flex-wrap gap-2">
            <ButtonLink href={hrefWith(regsPath, { partnerId: partner.id }, {})}>All registrations</ButtonLink>
            <ButtonLink href={hrefWith("/opportunities", { partnerId: partner.id }, {})} variant="ghost">
              Opportunities ({formatNumber(partner._count.opportunities)})
            </ButtonLink>
          </div>
        </Card>
      </div>
    </div>
  );
}
