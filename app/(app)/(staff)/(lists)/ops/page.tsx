import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { NoAccess } from "@/components/shell/no-access";
import { CountList } from "@/components/dashboards/count-list";
import { Table } from "@/components/ui/table";
import { RegistrationQueue } from "@/components/dashboards/registration-queue";
import { AuditEntity } from "@/components/audit/audit-cells";
import { LeakageCard } from "@/components/pricing/leakage-card";
import { staffContext } from "@/lib/auth/page";
import { leakageReport } from "@/lib/db/pricing-leakage";
import { currentQuarter } from "@/lib/pricing/period";
import { listRecentAuditEvents } from "@/lib/db/audit-events";
import { conflictTile } from "@/lib/db/conflicts";
import { findRuleSetInForce, listApprovalQueue, registrationPulse } from "@/lib/db/dashboards";
import { formatDateTime, formatNumber, humanize } from "@/lib/format";
import { CONFLICT_TYPES } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Channel operations" };

export default async function OpsPage() {
  const ctx = await staffContext("ADMIN");
  if (!ctx.allowed) return <NoAccess what="Channel operations" />;
  const now = new Date();
  const [pulse, queue, conflicts, ruleSet, audit, leakage] = await Promise.all([
    registrationPulse(ctx, now),
    listApprovalQueue(ctx, 8),
    // every open case by type, each count linking to the /conflicts view it counts
    Promise.all([
      conflictTile(ctx, { slice: "all" }, now),
      ...CONFLICT_TYPES.map((t) => conflictTile(ctx, { slice: "all", type: t }, now)),
    ]),
    findRuleSetInForce(ctx, now),
    listRecentAuditEvents(ctx, 8),
    leakageReport(ctx, currentQuarter(now)),
  ]);
  const [allOpen, ...typeTiles] = conflicts;
  return (
    <>
      <PageHeader
        title="Channel operations"
        description="The registration queue, protection about to lapse, open conflicts and the rules in force, at a glance."
        actions={<ButtonLink href="/registrations?status=SUBMITTED&sort=slaDueAt&dir=asc">Open the queue</ButtonLink>}
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Awaiting decision"
          value={formatNumber(pulse.awaiting)}
          hint="Submitted, not yet approved or rejected"
        />
        <Stat
          label="Overdue"
          value={formatNumber(pulse.overdue)}
          tone={pulse.overdue > 0 ? "warn" : "good"}
          hint="Past the review SLA"
        />
        <Stat label="Protected now" value={formatNumber(pulse.protectedNow)} hint="Approved with protection running" />
        <Stat
          label="Expiring in 14 days"
          value={formatNumber(pulse.expiringSoon)}
          tone={pulse.expiringSoon > 0 ? "warn" : undefined}
          hint="Partners may request an extension"
        />
      </div>
      <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card
          title="Awaiting decision, most urgent first"
          className="lg:col-span-2"
          action={
            <Link
              href="/registrations?status=SUBMITTED&sort=slaDueAt&dir=asc"
              className="text-xs font-medium text-brand-700 hover:underline"
            >
              All {formatNumber(pulse.awaiting)}
            </Link>
          }
        >
          {queue.length === 0 ? (
            <p className="text-sm text-slate-600">
              The queue is clear. New partner registrations land here with a two-business-day review SLA.
            </p>
          ) : (
            <RegistrationQueue rows={queue} mode="pending" now={now} basePath="/registrations" showPartner />
          )}
        </Card>
        <div className="space-y-6">
          <Card title="Rule set in force">
            {ruleSet ? (
              <div className="space-y-1 text-sm text-slate-700">
                <p className="text-2xl font-semibold text-slate-900">Version {ruleSet.version}</p>
                <p>Effective from {formatDateTime(ruleSet.effectiveFrom)}</p>
                <p>
                  {formatNumber(ruleSet._count.rules)} rules
                  {ruleSet.publisher ? ` · published by ${ruleSet.publisher.name}` : ""}
                </p>
                {ruleSet.changeNote && <p className="pt-1 text-slate-600">“{ruleSet.changeNote}”</p>}
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                No rule set is published: every deal falls to the default route. Publish a rule set to start routing.
              </p>
            )}
          </Card>
          <Card
            title={`Open conflicts (${formatNumber(allOpen.count)})`}
            action={
              <Link href={allOpen.href} className="text-xs font-medium text-brand-700 hover:underline">
                Open the list
              </Link>
            }
          >
            <CountList
              label="Open conflicts by type"
              items={CONFLICT_TYPES.map((t, i) => ({ key: t, label: humanize(t), ...typeTiles[i] }))}
            />
          </Card>
          <LeakageCard report={leakage} />
        </div>
      </div>
      <Card
        title="Recent audit events"
        action={
          <Link href="/audit" className="text-xs font-medium text-brand-700 hover:underline">
            Audit log
          </Link>
        }
      >
        {audit.length === 0 ? (
          <p className="text-sm text-slate-600">
            Nothing recorded yet. Decisions, publications and setting changes appear here as they happen.
          </p>
        ) : (
          <Table
            layout="flush"
            rows={audit}
            caption="Recent audit events"
            columns={[
              { header: "When", cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.at)}</span> },
              { header: "Actor", cell: (e) => e.actorLabel },
              { header: "Action", cell: (e) => <code className="text-xs">{e.action}</code> },
              { header: "Entity", cell: (e) => <AuditEntity entity={e.entity} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
