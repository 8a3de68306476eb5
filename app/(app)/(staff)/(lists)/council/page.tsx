import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OpenMeetingButton } from "@/components/council-pack/open-meeting-button";
import { NoAccess } from "@/components/shell/no-access";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { staffContext } from "@/lib/auth/page";
import { monthOf, monthTitle } from "@/lib/council-pack";
import { listMeetings } from "@/lib/db/council-pack";
import { formatNumber, formatRelative } from "@/lib/format";
import { fromSearchParams } from "@/lib/validation/lists";
import { councilHistoryQuery } from "@/lib/validation/council-pack";

export const metadata: Metadata = { title: "Council meetings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The monthly council's meetings, newest first (docs/domain.md#council-pack).
export default async function CouncilPage({ searchParams }: Props) {
  const ctx = await staffContext("council-pack:read");
  if (!ctx.allowed) return <NoAccess what="Council meetings" />;
  const parsed = councilHistoryQuery.safeParse(fromSearchParams(await searchParams));
  if (!parsed.success) notFound();
  const now = new Date();
  const current = monthOf(now);
  const { rows, pages } = await listMeetings(ctx, parsed.data.page);
  const page = parsed.data.page;
  const hasCurrent = rows.some((r) => r.month === current);
  const record = can(ctx, "council-pack:record");
  const action = hasCurrent ? (
    <Link href={`/council/${current}`} className="text-sm font-medium text-blue-700 underline">
      Open {monthTitle(current)}’s pack
    </Link>
  ) : record ? (
    <OpenMeetingButton month={current} label={`Open ${monthTitle(current)}’s meeting`} />
  ) : (
    <Link href={`/council/${current}`} className="text-sm font-medium text-blue-700 underline">
      See {monthTitle(current)}’s agenda
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Council meetings"
        description="The monthly revenue council: each meeting's pack, who attended, what was decided and who does what next."
        actions={action}
      />
      {rows.length === 0 ? (
        <EmptyState title="No meetings yet">
          {record
            ? "Open this month's meeting to see the agenda the data suggests and record what the council decides."
            : "The council's members open each month's meeting; its agenda is already on this month's page."}
        </EmptyState>
      ) : (
        <Card title="History">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Council meetings, newest first</caption>
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2">
                  Month
                </th>
                <th scope="col">Held</th>
                <th scope="col" className="text-right">
                  Attendees
                </th>
                <th scope="col" className="text-right">
                  Decisions
                </th>
                <th scope="col" className="text-right">
                  Open actions
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="py-2">
                    <Link href={`/council/${r.month}`} className="font-medium text-blue-700 underline">
                      {monthTitle(r.month)}
                    </Link>
                  </td>
                  <td className="text-slate-600">{r.heldAt ? formatRelative(r.heldAt, now) : "Not yet"}</td>
                  <td className="text-right tabular-nums">{formatNumber(r.attendees)}</td>
                  <td className="text-right tabular-nums">{formatNumber(r.decisions)}</td>
                  <td className="text-right tabular-nums">{formatNumber(r.openActions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
              {page > 1 ? (
                <Link href={`/council?page=${page - 1}`} className="text-blue-700 underline">
                  Newer
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">
                Page {page} of {pages}
              </span>
              {page < pages ? (
                <Link href={`/council?page=${page + 1}`} className="text-blue-700 underline">
                  Older
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </Card>
      )}
    </>
  );
}
