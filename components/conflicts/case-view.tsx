// The read parts of a conflict case page, for staff (every party, the deal, every claim with its
// timeline and rule trace) and for a partner (itself, "the vendor", "another partner"; its own
// registrations only). What a reader may see was decided in lib/db/conflict-detail.ts; these only render.
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { DealRouteBadge } from "@/components/opportunities/route-label";
import { Card, DefinitionList } from "@/components/ui/card";
import { TraceList } from "@/components/rules/trace-list";
import type { ConflictDetail, EvidenceRegistration, EventView } from "@/lib/db/conflict-detail";
import type { PartyView } from "@/lib/db/conflicts";
import { formatDate, formatDateTime, formatMoney, humanize } from "@/lib/format";
import { partnerOutcome, RESOLUTION_LABEL } from "./labels";

export function PartiesCard({ parties, resolved }: { parties: PartyView[]; resolved: boolean }) {
  const credited = resolved && parties.some((p) => p.creditPct !== null);
  return (
    <Card title="Parties">
      <ul className="space-y-2 text-sm">
        {parties.map((p, i) => (
          <li key={`${p.label}-${i}`} className="flex items-center justify-between gap-3">
            <span className="flex items-center gap-2">
              <Badge tone={p.kind === "DIRECT" ? "violet" : "blue"}>{p.kind === "DIRECT" ? "Direct" : "Partner"}</Badge>
              <span className={p.self ? "font-semibold text-slate-900" : "text-slate-800"}>
                {p.label}
                {p.self && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
              </span>
            </span>
            {credited && <span className="tabular-nums text-slate-700">{p.creditPct ?? 0}% credit</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function ResolutionCard({ c, partnerView }: { c: ConflictDetail; partnerView: boolean }) {
  if (c.status !== "RESOLVED") return null;
  return (
    <Card title="Outcome" className="ring-1 ring-emerald-200">
      <p className="text-base font-semibold text-slate-900">
        {partnerView
          ? partnerOutcome(c.resolution, c.parties)
          : c.resolution
            ? RESOLUTION_LABEL[c.resolution]
            : "Resolved"}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        Decided {formatDateTime(c.resolvedAt)} at level {c.level}
      </p>
      {c.rationale && (
        <div className="mt-3">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Rationale</h3>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{c.rationale}</p>
        </div>
      )}
      {c.tags.length > 0 && (
        <p className="mt-3 flex flex-wrap gap-1" aria-label="Precedent tags">
          {c.tags.map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
        </p>
      )}
    </Card>
  );
}

export function AccountDealCard({ c, links }: { c: ConflictDetail; links: boolean }) {
  const a = c.account;
  const o = c.opportunity;
  const items: [string, React.ReactNode][] = [];
  if (a) {
    items.push([
      "Account",
      links ? (
        <Link href={`/accounts/${a.id}`} className="font-medium text-brand-700 hover:underline">
          {a.name}
        </Link>
      ) : (
        a.name
      ),
    ]);
    items.push(["Region", `${a.region.name} (${a.country})`]);
    if (links) {
      items.push(["Tier", `${humanize(a.tier)}${a.namedAccount ? " · named account" : ""}`]);
      items.push(["Account owner", a.owner?.name ?? "—"]);
    }
  }
  if (o) {
    items.push([
      "Deal",
      links ? (
        <Link href={`/opportunities/${o.id}`} className="font-medium text-brand-700 hover:underline">
          {o.name}
        </Link>
      ) : (
        o.name
      ),
    ]);
    items.push(["Stage", humanize(o.stage)]);
    items.push(["ACV", formatMoney(o.acvCents, o.currency)]);
    items.push(["Route", <DealRouteBadge key="route" route={o.route} partnerId={o.partnerId} />]);
    if (links) items.push(["AE", o.ae?.name ?? "—"]);
  }
  return (
    <Card title="Account and deal">
      {items.length ? <DefinitionList items={items} /> : <p className="text-sm text-slate-600">No account linked.</p>}
    </Card>
  );
}

function RegistrationEvidence({ r, href }: { r: EvidenceRegistration; href: string }) {
  return (
    <li className="rounded-lg border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <Link href={href} className="font-medium text-brand-700 hover:underline">
            {r.partner ? `${r.partner.name} — ` : ""}
            {r.accountName}
          </Link>{" "}
          <span className="text-slate-600">· {r.productLine.name}</span>
        </p>
        <span className="flex gap-1">
          <StatusBadge status={r.status} />
          {r.holdsClaim && <Badge tone="green">Holds the claim</Badge>}
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        Submitted {formatDateTime(r.submittedAt)} · {formatMoney(r.estimatedAcvCents, r.currency)}
        {r.protectedUntil ? ` · protected until ${formatDate(r.protectedUntil)}` : ""}
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Timeline ({r.events.length})</summary>
        <ol className="mt-2 space-y-1 border-l border-slate-200 pl-3">
          {r.events.map((e) => (
            <li key={e.id}>
              <span className="font-medium text-slate-800">
                {e.fromStatus && e.fromStatus !== e.toStatus
                  ? `${humanize(e.fromStatus)} → ${humanize(e.toStatus)}`
                  : humanize(e.toStatus)}
              </span>{" "}
              <span className="text-xs text-slate-500">
                {formatDateTime(e.at)} · {e.actorLabel}
              </span>
              {e.reason && <p className="text-slate-700">{e.reason}</p>}
            </li>
          ))}
        </ol>
      </details>
      {r.routeDecision && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-brand-700">
            Route: {humanize(r.routeDecision.route)} by {r.routeDecision.rule?.name ?? "the default outcome"} (rules v
            {r.routeDecision.ruleSetVersion})
          </summary>
          <div className="mt-2">
            <TraceList trace={r.routeDecision.trace} />
          </div>
        </details>
      )}
    </li>
  );
}

export function EvidenceCard({ c, registrationPath }: { c: ConflictDetail; registrationPath: string }) {
  const o = c.opportunity;
  return (
    <Card title="Evidence">
      <div id="evidence" className="space-y-4">
        {c.firstClaim && (
          <p className="text-sm text-slate-800">
            <span className="font-medium">First claim:</span> {c.firstClaim.label}, {formatDateTime(c.firstClaim.at)}.
          </p>
        )}
        <div>
          <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">
            {c.staffView ? "Registrations on this case" : "Your registrations on this case"}
          </h3>
          {c.registrations.length === 0 ? (
            <p className="text-sm text-slate-600">No registration is linked to this case.</p>
          ) : (
            <ul className="space-y-2">
              {c.registrations.map((r) => (
                <RegistrationEvidence key={r.id} r={r} href={`${registrationPath}/${r.id}`} />
              ))}
            </ul>
          )}
        </div>
        {o?.routeDecision && (
          <div>
            <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">The deal&apos;s route</h3>
            <p className="mb-2 text-sm text-slate-700">
              Opened {formatDate(o.createdAt)}; routed {humanize(o.routeDecision.route)} by{" "}
              {o.routeDecision.rule?.name ?? "the default outcome"} (rules v{o.routeDecision.ruleSetVersion}).
            </p>
            <TraceList trace={o.routeDecision.trace} />
          </div>
        )}
      </div>
    </Card>
  );
}

const EVENT_TITLE: Record<string, string> = {
  OPENED: "Case opened",
  COMMENTED: "Comment",
  ESCALATED: "Escalated",
  RESOLVED: "Resolved",
};

function eventTitle(e: EventView): string {
  if (e.kind === "ESCALATED" && e.toLevel) return `Escalated to level ${e.toLevel}`;
  return EVENT_TITLE[e.kind] ?? humanize(e.kind);
}

export function HistoryCard({ events, children }: { events: EventView[]; children?: React.ReactNode }) {
  return (
    <Card title="History and comments">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing recorded yet.</p>
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-4" aria-label="Case history">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <span
                aria-hidden
                className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-500"
              />
              <p className="font-medium text-slate-800">{eventTitle(e)}</p>
              <p className="text-xs text-slate-500">
                {formatDateTime(e.at)} · {e.actorLabel}
              </p>
              {e.body && <p className="mt-1 whitespace-pre-line text-slate-700">{e.body}</p>}
            </li>
          ))}
        </ol>
      )}
      {children}
    </Card>
  );
}

/** The objective criteria beside the decision (lib/conflicts/criteria.ts), each with its explanation. */
export function CriteriaCard({
  criteria,
}: {
  criteria: { key: string; label: string; display: string; explanation: string }[];
}) {
  return (
    <Card title="Objective criteria">
      {criteria.length === 0 ? (
        <p className="text-sm text-slate-600">No criteria could be computed for this case.</p>
      ) : (
        <dl className="space-y-3 text-sm">
          {criteria.map((k) => (
            <div key={k.key}>
              <dt className="flex items-baseline justify-between gap-3">
                <span className="font-medium text-slate-800">{k.label}</span>
                <span className="font-semibold tabular-nums text-slate-900">{k.display}</span>
              </dt>
              <dd className="mt-0.5 text-xs text-slate-600">{k.explanation}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
