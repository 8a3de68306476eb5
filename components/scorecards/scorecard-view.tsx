// One partner's scorecard for a quarter (lib/db/scorecards.ts): every figure links to the list of
// exactly what it counts (lib/scorecards/links.ts), rates of nothing read "—", and the tier's
// progress lists each criterion against its target.
import Link from "next/link";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { Card } from "@/components/ui/card";
import type { PartnerScorecard } from "@/lib/db/scorecards";
import { parseQuarter } from "@/lib/dates/quarters";
import { formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";
import { scorecardLinks, type CriterionProgress, type Scorecard } from "@/lib/scorecards";

const rate = (v: number | null) => (v === null ? "—" : formatPct(v));

function Figure({
  label,
  value,
  href,
  hint,
}: {
  label: string;
  value: string;
  href: string | null;
  hint?: React.ReactNode;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
        {href ? (
          <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}

export function mdfText(card: Scorecard): string {
  return card.mdf.romi === null ? "— no paid MDF" : `${card.mdf.romi.toFixed(1)}×`;
}

/** A count inside a figure's hint, linked to exactly the rows it counts. */
function Counted({ n, href, what }: { n: number; href: string; what: string }) {
  return (
    // underlined: inside a sentence a link must not rely on colour alone
    <Link href={href} className="text-brand-700 underline underline-offset-2">
      {formatNumber(n)} {what}
    </Link>
  );
}

function criterionValue(c: CriterionProgress, v: number): string {
  if (c.key === "minSourcedRevenueCents") return formatMoney(v);
  if (c.key === "minWinRate") return formatPct(v);
  return formatNumber(v);
}

export function ScorecardView({
  current,
  trend,
  portal = false,
}: {
  current: PartnerScorecard;
  /** the last quarters, oldest first, ending with `current` */
  trend: PartnerScorecard[];
  portal?: boolean;
}) {
  const q = parseQuarter(current.quarter)!;
  const links = scorecardLinks(current.partner.id, q, portal);
  const c = current.card;
  const { progress } = current;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Figure
          label="Registrations decided"
          value={formatNumber(c.decided)}
          href={links.decided}
          hint={`${c.approved} approved, ${c.rejected} rejected`}
        />
        <Figure label="Approval rate" value={rate(c.approvalRate)} href={links.approved} hint="approved of decided" />
        <Figure
          label="Time to decision"
          value={c.medianDecisionHours === null ? "—" : `${formatNumber(Math.round(c.medianDecisionHours))} h`}
          href={links.decided}
          hint="median, submission to decision"
        />
        <Figure label="Win rate" value={rate(c.winRate)} href={links.closed} hint={`${c.won} won, ${c.lost} lost`} />
        <Figure
          label="Sourced revenue"
          value={formatMoney(c.sourcedRevenueCents)}
          href={links.sourcedRevenue}
          hint="partner-sourced deals won"
        />
        <Figure
          label="Co-sold revenue"
          value={formatMoney(c.cosoldRevenueCents)}
          href={links.cosoldRevenue}
          hint="co-sell deals won"
        />
        <Figure
          label="Sourced pipeline"
          value={formatMoney(c.sourcedPipelineCents)}
          href={links.sourcedPipeline}
          hint="partner-sourced deals created"
        />
        <Figure
          label="Co-sold pipeline"
          value={formatMoney(c.cosoldPipelineCents)}
          href={links.cosoldPipeline}
          hint="co-sell deals created"
        />
        <Figure
          label="Conflicts"
          value={formatNumber(c.conflicts)}
          href={links.conflicts}
          hint={
            <>
              <Counted n={c.conflictsWon} href={links.conflictsWon} what="won" />,{" "}
              <Counted n={c.conflictsLost} href={links.conflictsLost} what="lost" />
            </>
          }
        />
        <Figure
          label="Hand-off acceptance"
          value={rate(c.handoffAcceptance)}
          href={links.handoffs}
          hint={
            <>
              <Counted n={c.handoffsAccepted} href={links.handoffsAccepted} what="accepted" /> of{" "}
              {formatNumber(c.handoffsAnswered)} answered offers
            </>
          }
        />
        <Figure label="MDF ROMI" value={mdfText(c)} href={null} hint="won revenue per MDF dollar paid" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={`Tier: ${humanize(progress.tier)}`}>
          {progress.criteria.length === 0 ? (
            <p className="text-sm text-slate-600">No criteria apply.</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">
                {progress.next
                  ? `Progress toward ${humanize(progress.next)} this quarter:`
                  : `Keeping ${humanize(progress.tier)} this quarter:`}
              </p>
              <ul className="space-y-2 text-sm">
                {progress.criteria.map((cr) => (
                  <li key={cr.key} className="flex items-center justify-between gap-4">
                    <span>{cr.label}</span>
                    <span className={cr.met ? "font-medium text-emerald-700" : "text-slate-700"}>
                      {criterionValue(cr, cr.actual)} of {criterionValue(cr, cr.target)} {cr.met ? "✓ met" : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title="Sourced revenue won, last quarters">
          <SimpleBarChart
            unit="cents"
            label="Sourced revenue won"
            height={200}
            data={trend.map((t) => ({ key: t.quarter, label: t.quarter, value: Number(t.card.sourcedRevenueCents) }))}
          />
        </Card>
      </div>
    </div>
  );
}
