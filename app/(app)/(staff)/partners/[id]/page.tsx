import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { PartnerDetailView } from "@/components/partners/partner-detail";
import { ButtonLink } from "@/components/ui/button";
import { ScorecardView } from "@/components/scorecards/scorecard-view";
import { can } from "@/lib/auth/permissions";
import { staffContext } from "@/lib/auth/page";
import { quarterOf } from "@/lib/dates/quarters";
import { findPartner } from "@/lib/db/partners";
import { getScorecard } from "@/lib/db/scorecards";
import { pendingTierChange } from "@/lib/db/tier-proposals";
import { formatDate, humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Partner" };

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const detail = await findPartner(ctx, (await params).id);
  if (!detail) notFound();
  const { partner } = detail;
  // a confirmed tier change waits for its quarter (docs/domain.md#scorecards-and-tiers)
  const pending = await pendingTierChange(partner.id);
  // the scorecard for who may read it (a manager's own partners, ops and executives)
  const trend =
    can(ctx, "scorecard:read") && (ctx.role !== "PARTNER_MANAGER" || partner.manager?.id === ctx.userId)
      ? await getScorecard(ctx, partner.id, quarterOf(new Date()))
      : null;
  return (
    <>
      <Link href="/partners" className="text-sm text-brand-700 hover:underline">
        ← Partners
      </Link>
      <PageHeader
        title={partner.name}
        description={
          `${humanize(partner.tier)} ${humanize(partner.type).toLowerCase()} · managed by ${partner.manager?.name ?? "nobody yet"}` +
          (pending ? ` · ${humanize(pending.toTier)} from ${formatDate(pending.effectiveFrom)}` : "")
        }
        actions={
          can(ctx, "partner:manage") ? <ButtonLink href={`/partners/${partner.id}/edit`}>Edit</ButtonLink> : undefined
        }
      />
      <PartnerDetailView detail={detail} />
      {trend && (
        <section aria-labelledby="scorecard" className="mt-6">
          <h2 id="scorecard" className="mb-3 text-lg font-semibold text-slate-900">
            Scorecard, {trend.at(-1)!.quarter}{" "}
            <Link href={`/scorecards`} className="text-sm font-normal text-brand-700 hover:underline">
              all partners
            </Link>
          </h2>
          <ScorecardView current={trend.at(-1)!} trend={trend} />
        </section>
      )}
    </>
  );
}
