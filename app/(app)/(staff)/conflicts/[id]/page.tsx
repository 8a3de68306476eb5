import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ConflictStatus, SlaBadge } from "@/components/conflicts/conflict-list";
import {
  AccountDealCard,
  CriteriaCard,
  EvidenceCard,
  HistoryCard,
  PartiesCard,
  ResolutionCard,
} from "@/components/conflicts/case-view";
import { staffContext } from "@/lib/auth/page";
import { findConflict } from "@/lib/db/conflict-detail";
import { conflictCriteria } from "@/lib/db/conflict-criteria";
import { formatDateTime, humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Conflict case" };

export default async function ConflictCasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const id = (await params).id;
  const c = await findConflict(ctx, id);
  if (!c) notFound();
  const now = new Date();
  const criteria = await conflictCriteria(ctx, id, now);
  return (
    <>
      <Link href="/conflicts" className="text-sm text-brand-700 hover:underline">
        ← Conflicts
      </Link>
      <PageHeader
        title={`${humanize(c.type)}${c.account ? ` · ${c.account.name}` : ""}`}
        description={c.summary}
        actions={
          <span className="flex flex-wrap items-center gap-2">
            <ConflictStatus c={c} />
            <SlaBadge c={c} now={now} />
          </span>
        }
      />
      <p className="-mt-4 mb-6 text-xs text-slate-500">
        Opened {formatDateTime(c.openedAt)}
        {c.status === "OPEN" ? ` · decision due ${formatDateTime(c.slaDueAt)}` : ""}
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ResolutionCard c={c} partnerView={false} />
          <EvidenceCard c={c} registrationPath="/registrations" />
          <Card title="Similar past cases">
            {/* C2: components/conflicts/similar-cases.tsx goes here (precedent search, lib/db/conflict-precedents.ts) */}
            <p className="text-sm text-slate-600">Precedent search is not available yet.</p>
          </Card>
          <HistoryCard events={c.events} />
        </div>
        <div className="space-y-6">
          <PartiesCard parties={c.parties} resolved={c.status === "RESOLVED"} />
          <CriteriaCard criteria={criteria} />
          <AccountDealCard c={c} links />
        </div>
      </div>
    </>
  );
}
