import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ConflictStatus, SlaBadge } from "@/components/conflicts/conflict-list";
import {
  AccountDealCard,
  EvidenceCard,
  HistoryCard,
  PartiesCard,
  ResolutionCard,
} from "@/components/conflicts/case-view";
import { CommentForm } from "@/components/conflicts/case-actions";
import { partnerContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { findConflict } from "@/lib/db/conflict-detail";
import { formatDateTime, humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Conflict case" };

// A partner's view of a case it is party to (lib/db/conflict-detail.ts decides what it reads): the
// other side is "the vendor" or "another partner"; a case it is not party to is a 404.
export default async function PortalConflictPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await partnerContext();
  const c = await findConflict(ctx, (await params).id);
  if (!c) notFound();
  const now = new Date();
  return (
    <>
      <Link href="/portal/conflicts" className="text-sm text-brand-700 hover:underline">
        ← Conflicts
      </Link>
      <PageHeader
        title={`${humanize(c.type)} · ${c.subject}`}
        description={c.summary}
        actions={
          <span className="flex flex-wrap items-center gap-2">
            <ConflictStatus c={c} partnerView />
            {c.status === "OPEN" && <SlaBadge c={c} now={now} />}
          </span>
        }
      />
      <p className="-mt-4 mb-6 text-xs text-slate-500">
        Opened {formatDateTime(c.openedAt)}
        {c.status === "OPEN" ? ` · the vendor decides by ${formatDateTime(c.slaDueAt)}, or the case escalates` : ""}
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ResolutionCard c={c} partnerView />
          {c.status === "OPEN" && (
            <Card title="What happens next">
              <p className="text-sm text-slate-700">
                The vendor&apos;s team at level {c.level} weighs the evidence and decides. You will see the outcome and
                its rationale here, and you can add anything they should know below.
              </p>
            </Card>
          )}
          <EvidenceCard c={c} registrationPath="/portal/registrations" />
          <HistoryCard events={c.events}>
            {can(ctx, "conflict:comment") && <CommentForm id={c.id} partnerView />}
          </HistoryCard>
        </div>
        <div className="space-y-6">
          <PartiesCard parties={c.parties} resolved={c.status === "RESOLVED"} />
          <AccountDealCard c={c} links={false} />
        </div>
      </div>
    </>
  );
}
