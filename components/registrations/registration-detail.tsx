import { Card, DefinitionList } from "@/components/ui/card";
import { isProtecting } from "@/lib/registrations/lifecycle";
import { RouteBadge, StatusBadge } from "@/components/ui/badge";
import type { RegistrationDetail } from "@/lib/db/registrations";
import { formatDate, formatDateTime, formatMoney, humanize } from "@/lib/format";
import { TraceList } from "@/components/rules/trace-list";
import { dormantReleaseAt, lastActivity } from "@/lib/registrations/dormancy";

export function RegistrationDetailView({
  reg,
  showPartner,
  dormantDays,
}: {
  reg: RegistrationDetail;
  showPartner: boolean;
  dormantDays: number;
}) {
  const decision = reg.routeDecision;
  const now = new Date();
  // released for inactivity before protection ends, unless someone works the deal
  const dormantAt =
    isProtecting(reg.status) && reg.holdsClaim && reg.protectedUntil
      ? dormantReleaseAt(reg.lastActivityAt, reg.opportunity?.updatedAt, dormantDays)
      : null;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Deal">
          <DefinitionList
            items={[
              ["Account", reg.accountName],
              ["Domain", reg.accountDomain ?? "—"],
              ["Country", reg.accountCountry],
              ["Vertical", humanize(reg.accountVertical)],
              ["Product line", reg.productLine.name],
              ["Estimated ACV", formatMoney(reg.estimatedAcvCents, reg.currency)],
              ["Expected close", formatDate(reg.expectedCloseDate)],
              ...(showPartner ? ([["Partner", reg.partner.name]] as [string, React.ReactNode][]) : []),
              ["Submitted by", reg.submittedBy?.name ?? "—"],
              ["Submitted", formatDateTime(reg.submittedAt)],
            ]}
          />
          {reg.description && <p className="mt-4 whitespace-pre-wrap text-sm text-slate-700">{reg.description}</p>}
        </Card>
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
                {decision.flaggedForReview && <span className="ml-2 text-amber-700">flagged for review</span>}
              </p>
              <TraceList trace={decision.trace} />
            </>
          ) : (
            <p className="text-sm text-slate-600">No route decision recorded yet.</p>
          )}
        </Card>
      </div>
      <div className="space-y-6">
        <Card title="Status">
          <div className="space-y-3 text-sm">
            <p>
              <StatusBadge status={reg.status} />
            </p>
            {reg.status === "SUBMITTED" && <p>Decision due {formatDateTime(reg.slaDueAt)}</p>}
            {reg.protectedUntil &&
              (reg.holdsClaim ? (
                <p>
                  Protected until <strong>{formatDate(reg.protectedUntil)}</strong>
                </p>
              ) : reg.protectedUntil <= now ? (
                <p>Protection ended {formatDate(reg.protectedUntil)}</p>
              ) : (
                <p>Protection released</p>
              ))}
            {reg.status === "CONVERTED" && (
              <p className="text-slate-600">
                Converted: the deal was created from this registration
                {reg.holdsClaim ? "; its protection runs to the date above." : "."}
              </p>
            )}
            {dormantAt && reg.protectedUntil && dormantAt < reg.protectedUntil && (
              <p className="text-slate-600">
                Last activity {formatDate(lastActivity(reg.lastActivityAt, reg.opportunity?.updatedAt))}. Without an
                update or a change to the deal, the account is released on <strong>{formatDate(dormantAt)}</strong>{" "}
                (after {dormantDays} days without activity).
              </p>
            )}
            <p>Extensions used: {reg.extensionCount}</p>
            {reg.decisionReason && (
              <p className="rounded-md bg-slate-50 p-2 text-slate-700">
                “{reg.decisionReason}” {reg.reviewer ? `— ${reg.reviewer.name}` : ""}
              </p>
            )}
          </div>
        </Card>
        <Card title="Timeline">
          {reg.events.length === 0 ? (
            <p className="text-sm text-slate-600">No events yet.</p>
          ) : (
            <ol className="relative space-y-4 border-l border-slate-200 pl-4">
              {reg.events.map((e) => (
                <li key={e.id} className="text-sm">
                  <span
                    aria-hidden
                    className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-500"
                  />
                  <p className="font-medium text-slate-800">
                    {e.fromStatus === e.toStatus
                      ? e.reason?.startsWith("Protection extended")
                        ? "Protection extended"
                        : // a converted registration's protection ends without a status move (lib/db/registration-schedule.ts)
                          e.toStatus === "CONVERTED" &&
                            (e.reason?.endsWith("the deal continues") || e.reason?.startsWith("Conflict case resolved"))
                          ? "Protection ended"
                          : "Update"
                      : e.fromStatus
                        ? `${humanize(e.fromStatus)} → ${humanize(e.toStatus)}`
                        : humanize(e.toStatus)}
                  </p>
                  <p className="text-xs text-slate-500">
                    {formatDateTime(e.at)} · {e.actorLabel}
                  </p>
                  {e.reason && <p className="mt-1 text-slate-700">{e.reason}</p>}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}
