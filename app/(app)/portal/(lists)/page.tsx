import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { CountList } from "@/components/dashboards/count-list";
import { RegistrationQueue } from "@/components/dashboards/registration-queue";
import { hrefWith } from "@/components/ui/url";
import { partnerContext } from "@/lib/auth/page";
import {
  listApprovalQueue,
  listExpiringRegistrations,
  listRecentDecisions,
  registrationPulse,
} from "@/lib/db/dashboards";
import { partnerName } from "@/lib/db/partners";
import { countRegistrationsByStatus } from "@/lib/db/registrations";
import { formatNumber } from "@/lib/format";
import { REGISTRATION_STATUSES } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Partner portal" };

const BASE = "/portal/registrations";

export default async function PortalHomePage() {
  // every query below is scoped to the caller's own company by lib/db/scope.ts
  const ctx = await partnerContext();
  const now = new Date();
  const [company, byStatus, pulse, pending, expiring, decided] = await Promise.all([
    partnerName(ctx),
    countRegistrationsByStatus(ctx),
    registrationPulse(ctx, now),
    listApprovalQueue(ctx, 8),
    listExpiringRegistrations(ctx, now, 14, 8),
    listRecentDecisions(ctx, 6),
  ]);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader
        title={company ? `Welcome, ${company}` : "Partner portal"}
        description="Where your deal registrations stand: decisions pending, protection about to end, and the reasons behind recent decisions."
        actions={
          <ButtonLink href="/portal/registrations/new" variant="primary">
            Register a deal
          </ButtonLink>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Registrations"
          value={formatNumber(total)}
          hint={
            <Link href={BASE} className="hover:underline">
              See all
            </Link>
          }
        />
        <Stat
          label="Awaiting decision"
          value={formatNumber(pulse.awaiting)}
          hint={pulse.overdue ? `${formatNumber(pulse.overdue)} past the review SLA` : "All within the review SLA"}
        />
        <Stat
          label="Protected now"
          value={formatNumber(pulse.protectedNow)}
          tone="good"
          hint="Approved, protection running"
        />
        <Stat
          label="Ending in 14 days"
          value={formatNumber(pulse.expiringSoon)}
          tone={pulse.expiringSoon > 0 ? "warn" : undefined}
          hint="Request an extension before it lapses"
        />
      </div>
      <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Awaiting a decision">
            {pending.length === 0 ? (
              <p className="text-sm text-slate-600">
                Nothing is waiting for review. Register a deal to protect it; the vendor decides within two business
                days.
              </p>
            ) : (
              <RegistrationQueue rows={pending} mode="pending" now={now} basePath={BASE} showPartner={false} />
            )}
          </Card>
          <Card title="Protection ending in the next 14 days">
            {expiring.length === 0 ? (
              <p className="text-sm text-slate-600">No protection ends in the next two weeks.</p>
            ) : (
              <RegistrationQueue rows={expiring} mode="expiring" now={now} basePath={BASE} showPartner={false} />
            )}
          </Card>
        </div>
        <Card title="My registrations by status">
          {total === 0 ? (
            <p className="text-sm text-slate-600">
              You have not registered a deal yet. Register your first deal to protect it.
            </p>
          ) : (
            <CountList
              label="My registrations by status"
              items={REGISTRATION_STATUSES.map((s) => ({
                key: s,
                label: <StatusBadge status={s} />,
                count: byStatus[s] ?? 0,
                href: hrefWith(BASE, { status: s }, {}),
              }))}
            />
          )}
        </Card>
      </div>
      <Card title="Recent decisions">
        {decided.length === 0 ? (
          <p className="text-sm text-slate-600">
            No decisions yet. Approvals and rejections appear here with the reviewer&apos;s reason.
          </p>
        ) : (
          <RegistrationQueue rows={decided} mode="decided" now={now} basePath={BASE} showPartner={false} />
        )}
      </Card>
    </>
  );
}
