import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionItems } from "@/components/council-pack/action-items";
import { Agenda } from "@/components/council-pack/agenda";
import { Attendees } from "@/components/council-pack/attendees";
import { DecisionForm } from "@/components/council-pack/decision-form";
import { OpenMeetingButton } from "@/components/council-pack/open-meeting-button";
import { NoAccess } from "@/components/shell/no-access";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { staffContext } from "@/lib/auth/page";
import { monthTitle, parseMonth } from "@/lib/council-pack";
import { DECISION_KIND_LABEL } from "@/lib/council-pack/pack";
import { getCouncilPack, listCouncilPeople } from "@/lib/db/council-pack";
import { formatDate, humanize } from "@/lib/format";

type Props = { params: Promise<{ month: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { month } = await params;
  return { title: parseMonth(month) ? `Council pack: ${monthTitle(month)}` : "Council pack" };
}

// One month's council pack (docs/domain.md#council-pack): headline figures, the auto agenda, the
// attendees, decisions and action items, and the PDF / CSV exports.
export default async function CouncilPackPage({ params }: Props) {
  const ctx = await staffContext("council-pack:read");
  if (!ctx.allowed) return <NoAccess what="the council pack" />;
  const { month } = await params;
  if (!parseMonth(month)) notFound();
  const now = new Date();
  const [pack, people] = await Promise.all([getCouncilPack(ctx, month, now), listCouncilPeople(ctx)]);
  const record = can(ctx, "council-pack:record");
  const meeting = pack.meeting;
  const exportHref = `/api/v1/council/packs/${month}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/council" className="text-blue-700 underline">
          Council meetings
        </Link>
      </nav>
      <PageHeader
        title={`Council pack: ${monthTitle(month)}`}
        description={
          meeting?.heldAt
            ? `Held ${formatDate(meeting.heldAt)}.`
            : "The agenda below is drawn from the data; every figure opens what it counts."
        }
        actions={
          <>
            <a
              href={`${exportHref}?format=pdf`}
              className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white"
            >
              Download PDF
            </a>
            <a
              href={`${exportHref}?format=csv`}
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300"
            >
              Download CSV
            </a>
          </>
        }
      />
      {pack.headline.length > 0 && (
        <section aria-label="Headline figures" className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 2xl:grid-cols-6">
          {pack.headline.map((h) => (
            <Stat
              key={h.key}
              label={h.label}
              value={
                h.href ? (
                  <Link href={h.href} className="underline decoration-slate-300 underline-offset-4">
                    {h.value}
                  </Link>
                ) : (
                  h.value
                )
              }
            />
          ))}
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Agenda">
            <Agenda items={pack.agenda} />
          </Card>
          {pack.trends.map((t) => (
            <Card key={t.title} title={t.title}>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      {t.columns.map((c) => (
                        <th key={c} scope="col" className="py-2 pr-3">
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 tabular-nums">
                    {t.rows.map((r) => (
                      <tr key={r[0]}>
                        {r.map((cell, i) =>
                          i === 0 ? (
                            <th key={i} scope="row" className="py-1.5 pr-3 font-medium text-slate-800">
                              {cell}
                            </th>
                          ) : (
                            <td key={i} className="pr-3">
                              {cell}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          ))}
        </div>
        <div className="space-y-6">
          {!meeting ? (
            <EmptyState
              title="This meeting has not been opened"
              action={record ? <OpenMeetingButton month={month} label="Open the meeting" /> : undefined}
            >
              {record
                ? "Open it to record attendees, decisions and action items."
                : "The council's members open the meeting to record what it decides."}
            </EmptyState>
          ) : (
            <>
              <Card title="Attendees">
                <Attendees month={month} attendees={meeting.attendees} people={people} canRecord={record} />
              </Card>
              <Card title="Decisions">
                {meeting.decisions.length === 0 ? (
                  <p className="text-sm text-slate-600">No decisions recorded yet.</p>
                ) : (
                  <ul className="mb-4 space-y-3 text-sm">
                    {meeting.decisions.map((d) => (
                      <li key={d.id}>
                        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
                          {DECISION_KIND_LABEL[d.kind]} · {d.decidedBy} · {formatDate(d.decidedAt)}
                        </p>
                        <p className="text-slate-900">{d.text}</p>
                        {d.ruleSet && (
                          <Link href={`/rules/${d.ruleSet.id}`} className="text-blue-700 underline">
                            Rule set version {d.ruleSet.version} ({humanize(d.ruleSet.status)})
                          </Link>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {record && <DecisionForm month={month} />}
              </Card>
            </>
          )}
        </div>
      </div>
      {meeting && (
        <div className="mt-6">
          <Card title="Action items">
            <ActionItems
              month={month}
              items={meeting.actionItems}
              people={people}
              canRecord={record}
              now={now.toISOString()}
            />
          </Card>
        </div>
      )}
    </>
  );
}
