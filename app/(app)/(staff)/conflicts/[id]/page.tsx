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
import { CommentForm, EscalateButton, ResolveButton } from "@/components/conflicts/case-actions";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { findConflict } from "@/lib/db/conflict-detail";
import { conflictCriteria } from "@/lib/db/conflict-criteria";
import { similarCases } from "@/lib/db/conflict-precedents";
import { SimilarCases } from "@/components/conflicts/similar-cases";
import { formatDateTime, humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Conflict case" };

// who decides at each level, in words (docs/domain.md#levels-deciders-and-slas)
const DECIDERS: Record<number, string> = {
  1: "the deal's account executive and the partner's manager",
  2: "VP Sales or VP Channel",
  3: "the CRO",
  4: "the CEO",
};

export default async function ConflictCasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const id = (await params).id;
  const c = await findConflict(ctx, id);
  if (!c) notFound();
  const now = new Date();
  const [criteria, similar] = await Promise.all([
    conflictCriteria(ctx, id, now),
    // the most similar resolved cases (precedent search, lib/db/conflict-precedents.ts)
    can(ctx, "conflict:precedents") ? similarCases(ctx, id, 5) : null,
  ]);
  // the buttons follow the permission table at the case's level; the server checks again (and the row at level 1)
  const open = c.status === "OPEN";
  const mayEscalate = open && c.level < 4 && can(ctx, "conflict:escalate", { conflictLevel: c.level });
  const mayResolve = open && can(ctx, "conflict:resolve", { conflictLevel: c.level });
  const parties = c.parties.flatMap((p) => (p.id ? [{ id: p.id, label: p.label, kind: p.kind }] : []));
  return (
    <>
      <Link href="/conflicts" className="text-sm text-brand-700 hover:underline">
        ← Conflicts
      </Link>
      <PageHeader
        title={`${humanize(c.type)} · ${c.subject}`}
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
          {open && (
            <Card title={`Decision at level ${c.level}`}>
              {mayEscalate || mayResolve ? (
                <div className="flex flex-wrap items-center gap-2">
                  {mayResolve && <ResolveButton id={c.id} level={c.level} parties={parties} />}
                  {mayEscalate && <EscalateButton id={c.id} level={c.level} />}
                  <p className="text-sm text-slate-600">
                    Weigh the evidence and the criteria; the rationale is on the record.
                  </p>
                </div>
              ) : (
                <p className="text-sm text-slate-600">
                  This level is decided by {DECIDERS[c.level] ?? "the next level"}. You can comment below.
                </p>
              )}
            </Card>
          )}
          <ResolutionCard c={c} partnerView={false} />
          <EvidenceCard c={c} registrationPath="/registrations" />
          {similar && <SimilarCases cases={similar} />}
          <HistoryCard events={c.events}>
            {can(ctx, "conflict:comment") && <CommentForm id={c.id} partnerView={false} />}
          </HistoryCard>
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
