import Link from "next/link";
import { Card, DefinitionList } from "@/components/ui/card";
import { Badge, RouteBadge, StatusBadge } from "@/components/ui/badge";
import { TraceList } from "@/components/rules/trace-list";
import type { OpportunityDetail } from "@/lib/db/opportunities";
import { formatDate, formatDateTime, formatMoney, formatPct, humanize } from "@/lib/format";
import { isOpenStage } from "@/lib/opportunities/stages";
import { AttributionTable } from "./attribution-table";
import { DecisionFacts } from "./decision-facts";
import { DealRouteBadge } from "./route-label";
import { CorridorBreachBadge } from "@/components/pricing/breach-badge";

/** `top`: the deal's controls and review flag above the route decision; `aside`: cards under the deal's facts. */
export function OpportunityDetailView({
  opp,
  top,
  aside,
  attributionAction,
}: {
  opp: OpportunityDetail;
  top?: React.ReactNode;
  aside?: React.ReactNode;
  /** Beside the attribution's title: "Dispute attribution" on a closed deal, for those who may. */
  attributionAction?: React.ReactNode;
}) {
  const decision = opp.routeDecision;
  const closed = !isOpenStage(opp.stage);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {top}
        <Card title="Route decision">
          {decision ? (
            <>
              <p className="mb-3 text-sm text-slate-700">
                <RouteBadge route={decision.route} /> by rule set v{decision.ruleSetVersion}
                {decision.rule ? (
                  <>
                    {" "}
                    — rule {decision.rule.priority} “{decision.rule.name}”
                  </>
                ) : (
                  " — default outcome"
                )}
                {decision.protectionDays ? ` · ${decision.protectionDays} days of protection` : ""}
                <span className="text-slate-500"> · decided {formatDateTime(decision.decidedAt)}</span>
              </p>
              {decision.flaggedForReview && (
                <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
                  Flagged for review: the deal&apos;s facts changed since it was routed, and sticky ownership kept the
                  route the facts no longer imply.
                </p>
              )}
              {decision.route !== opp.route && opp.route && (
                <p className="mb-3 text-sm text-slate-600">
                  The deal now sits on <RouteBadge route={opp.route} />, set after this decision (re-route or conflict
                  resolution).
                </p>
              )}
              <TraceList trace={decision.trace} />
              <DecisionFacts
                facts={decision.facts}
                partnerNames={opp.partnerId && opp.partner ? { [opp.partnerId]: opp.partner.name } : {}}
              />
            </>
          ) : (
            <p className="text-sm text-slate-600">
              No route decision recorded: this deal predates the rules engine or was created without one. Channel
              operations can run an audited re-route.
            </p>
          )}
        </Card>
        <Card
          title={
            <span className="inline-flex items-center gap-2">
              Attribution
              {opp.attributions.length > 0 &&
                // final once the deal closes; until then every write to the deal recomputes it (lib/db/attribution-writes.ts)
                (opp.attributions.every((a) => a.final) ? (
                  <Badge tone="green">Final</Badge>
                ) : (
                  <Badge tone="amber">Provisional</Badge>
                ))}
            </span>
          }
          action={attributionAction}
        >
          {opp.attributions.length > 0 && !opp.attributions.every((a) => a.final) && (
            <p className="mb-3 text-sm text-slate-600">
              Provisional while the deal is open: it follows the deal&apos;s route, partner and touches, and becomes
              final when the deal closes.
            </p>
          )}
          {opp.attributions.length === 0 ? (
            <p className="text-sm text-slate-600">
              {opp.stage === "CLOSED_WON"
                ? "No attribution recorded yet for this won deal."
                : "Attribution and credit are set when the deal closes won."}
            </p>
          ) : (
            <AttributionTable rows={opp.attributions} currency={opp.currency} />
          )}
        </Card>
      </div>
      <div className="space-y-6">
        <Card title="Deal">
          <DefinitionList
            items={[
              [
                "Account",
                <Link key="a" href={`/accounts/${opp.account.id}`} className="text-brand-700 hover:underline">
                  {opp.account.name}
                </Link>,
              ],
              ["Stage", <StatusBadge key="s" status={opp.stage} />],
              ["ACV", formatMoney(opp.acvCents, opp.currency)],
              ["List price", opp.listPriceCents === null ? "—" : formatMoney(opp.listPriceCents, opp.currency)],
              [
                "Discount",
                <span key="d" className="inline-flex flex-wrap items-center gap-2">
                  {formatPct(opp.discountPct / 100, undefined, 1)}
                  <CorridorBreachBadge
                    breach={opp.corridorBreach}
                    discountPct={opp.discountPct}
                    corridorMaxPct={opp.corridorMaxPct}
                  />
                </span>,
              ],
              ["Product line", `${opp.productLine.name} (${humanize(opp.productLine.kind)})`],
              ["Source", humanize(opp.source)],
              ["Route", <DealRouteBadge key="r" route={opp.route} partnerId={opp.partnerId} />],
              ["AE", opp.ae?.name ?? "Unassigned"],
              [
                "Partner",
                opp.partner ? (
                  <Link key="p" href={`/partners/${opp.partnerId}`} className="text-brand-700 hover:underline">
                    {opp.partner.name}
                  </Link>
                ) : (
                  "None"
                ),
              ],
              [
                closed ? "Closed" : "Expected close",
                closed ? formatDate(opp.closedAt ?? opp.closeDate) : formatDate(opp.closeDate),
              ],
              ["Created", formatDate(opp.createdAt)],
              ...(opp.lostReason ? ([["Lost because", opp.lostReason]] as [string, React.ReactNode][]) : []),
            ]}
          />
        </Card>
        <Card title="Account">
          <DefinitionList
            items={[
              ["Country", opp.account.country],
              ["Vertical", humanize(opp.account.vertical)],
              ["Tier", humanize(opp.account.tier)],
              ["Named account", opp.account.namedAccount ? "Yes — reserved for direct" : "No"],
            ]}
          />
        </Card>
        {aside}
      </div>
    </div>
  );
}
