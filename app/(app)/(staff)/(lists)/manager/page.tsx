import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { NoAccess } from "@/components/shell/no-access";
import { TierBadge } from "@/components/partners/tier-badge";
import { ConflictTable } from "@/components/dashboards/conflict-table";
import { Table } from "@/components/ui/table";
import { RegistrationQueue } from "@/components/dashboards/registration-queue";
import { hrefWith } from "@/components/ui/url";
import { staffContext } from "@/lib/auth/page";
import { conflictPreview } from "@/lib/db/conflicts";
import { countManagedPartners, listApprovalQueue, listManagedPartners, registrationPulse } from "@/lib/db/dashboards";
import { formatNumber, humanize } from "@/lib/format";

export const metadata: Metadata = { title: "My partners" };

export default async function ManagerPage() {
  const ctx = await staffContext("PARTNER_MANAGER");
  if (!ctx.allowed) return <NoAccess what="The partner manager's desk" />;
  const now = new Date();
  // registrationScope already narrows a partner manager to their own partners
  const [partnerCount, partners, pulse, queue, conflicts] = await Promise.all([
    countManagedPartners(ctx),
    listManagedPartners(ctx, 12),
    registrationPulse(ctx, now),
    listApprovalQueue(ctx, 10),
    // level-1 cases involving my partners: the same view /conflicts?level=1 opens on
    conflictPreview(ctx, { level: "1" }, 10, now),
  ]);
  const levelOne = conflicts.count;
  const myPartnersHref = hrefWith("/partners", { managerId: ctx.userId ?? undefined }, {});
  const queueHref = "/registrations?status=SUBMITTED&sort=slaDueAt&dir=asc";
  return (
    <>
      <PageHeader
        title="My partners"
        description="Decide your partners' registrations before their SLA runs out, and settle level-1 conflicts with the AE."
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Partners I manage" value={formatNumber(partnerCount)} />
        <Stat
          label="Awaiting my decision"
          value={formatNumber(pulse.awaiting)}
          hint={
            <Link href={queueHref} className="hover:underline">
              Open the queue
            </Link>
          }
        />
        <Stat
          label="Overdue"
          value={formatNumber(pulse.overdue)}
          tone={pulse.overdue > 0 ? "warn" : "good"}
          hint="Past the review SLA"
        />
        <Stat
          label="Level-1 conflicts"
          value={
            <Link href={conflicts.href} className="hover:underline">
              {formatNumber(levelOne)}
            </Link>
          }
          tone={levelOne > 0 ? "warn" : undefined}
          hint="Yours to settle with the AE"
        />
      </div>
      <Card
        title="Approval queue, by SLA"
        className="mb-6"
        action={
          <Link href={queueHref} className="text-xs font-medium text-brand-700 hover:underline">
            All {formatNumber(pulse.awaiting)}
          </Link>
        }
      >
        {queue.length === 0 ? (
          <p className="text-sm text-slate-600">
            Nothing waits for you. Registrations from your partners appear here as soon as they are submitted.
          </p>
        ) : (
          <RegistrationQueue rows={queue} mode="pending" now={now} basePath="/registrations" showPartner />
        )}
      </Card>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card
          title="My partners"
          action={
            <Link href={myPartnersHref} className="text-xs font-medium text-brand-700 hover:underline">
              All {formatNumber(partnerCount)}
            </Link>
          }
        >
          {partners.length === 0 ? (
            <p className="text-sm text-slate-600">
              No partners are assigned to you yet. Channel operations assigns each partner a manager.
            </p>
          ) : (
            <Table
              layout="flush"
              rows={partners}
              caption="Partners I manage"
              columns={[
                {
                  header: "Partner",
                  cell: (p) => (
                    <Link href={`/partners/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  ),
                },
                { header: "Tier", cell: (p) => <TierBadge tier={p.tier} /> },
                { header: "Type", cell: (p) => humanize(p.type) },
                {
                  header: "Pending",
                  align: "right",
                  cell: (p) => (
                    <Link
                      href={hrefWith("/registrations", { partnerId: p.id, status: "SUBMITTED" }, {})}
                      className="hover:underline"
                    >
                      {formatNumber(p._count.registrations)}
                    </Link>
                  ),
                },
                { header: "Open deals", align: "right", cell: (p) => formatNumber(p._count.opportunities) },
              ]}
            />
          )}
        </Card>
        <Card
          title="Level-1 conflicts involving my partners"
          action={
            <Link href={conflicts.href} className="text-xs font-medium text-brand-700 hover:underline">
              All {formatNumber(levelOne)}
            </Link>
          }
        >
          {conflicts.rows.length === 0 ? (
            <p className="text-sm text-slate-600">
              No open level-1 conflicts. Overlaps between your partners and direct deals show up here to settle with the
              AE.
            </p>
          ) : (
            <ConflictTable rows={conflicts.rows} now={now} />
          )}
        </Card>
      </div>
    </>
  );
}
