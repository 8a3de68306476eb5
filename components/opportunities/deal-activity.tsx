// The deal's timeline (OpportunityEvent, newest first) and its partner touches, on the deal page.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { OpportunityActivity } from "@/lib/db/opportunity-forms";
import { formatDate, formatDateTime, humanize } from "@/lib/format";

const KIND_LABEL: Record<string, string> = {
  CREATED: "Created",
  UPDATED: "Edited",
  STAGE_CHANGED: "Stage moved",
  CLOSED_WON: "Closed won",
  CLOSED_LOST: "Closed lost",
  ROUTE_FLAGGED: "Route flagged for review",
  ROUTE_ACCEPTED: "New route accepted",
  TOUCH_ADDED: "Partner touch recorded",
};

/** "PROPOSAL" → "Proposal"; a partner's name stays as it is. */
const value = (v: string) => (/^[A-Z_]+$/.test(v) ? humanize(v) : v);

export function DealTimeline({ events }: { events: OpportunityActivity["events"] }) {
  return (
    <Card title="Timeline">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">
          No recorded activity yet: this deal predates the timeline (created by a registration approval or imported).
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Deal timeline">
          {events.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3">
              <p className="text-sm font-medium text-slate-900">
                {KIND_LABEL[e.kind] ?? humanize(e.kind)}
                {e.fromValue && e.toValue ? (
                  <span className="font-normal text-slate-700">
                    {" "}
                    — {value(e.fromValue)} → {value(e.toValue)}
                  </span>
                ) : e.toValue ? (
                  <span className="font-normal text-slate-700"> — {value(e.toValue)}</span>
                ) : null}
              </p>
              {e.body && <p className="text-sm text-slate-700">{e.body}</p>}
              <p className="text-xs text-slate-500">
                {e.actorLabel} · {formatDateTime(e.at)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function DealTouches({
  touches,
  children,
}: {
  touches: OpportunityActivity["touches"];
  children?: React.ReactNode;
}) {
  return (
    <Card title="Partner touches">
      {touches.length === 0 ? (
        <p className="text-sm text-slate-600">No partner has touched this deal yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Partner touches">
          {touches.map((t) => (
            <li key={t.id} className="text-sm">
              <Link href={`/partners/${t.partner.id}`} className="font-medium text-brand-700 hover:underline">
                {t.partner.name}
              </Link>{" "}
              — {t.kind}
              {t.note && <span className="text-slate-700">: {t.note}</span>}
              <span className="block text-xs text-slate-500">{formatDate(t.at)}</span>
            </li>
          ))}
        </ul>
      )}
      {children}
    </Card>
  );
}
