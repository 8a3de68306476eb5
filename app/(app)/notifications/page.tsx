import type { Metadata } from "next";
import { PageNav } from "@/components/ui/page-nav";
import Link from "next/link";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { HumanDate } from "@/components/ui/human-date";
import { pageContext } from "@/lib/auth/page";
import { countUnread, listNotificationKinds, listNotifications } from "@/lib/db/notifications";
import { humanize } from "@/lib/format";
import { groupBySubject } from "@/lib/notifications/subject";
import { notificationQuery } from "@/lib/validation/notifications";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const kindLabel = (kind: string) => humanize(kind.replace(/[._]/g, " "));

export default async function NotificationsPage({ searchParams }: Props) {
  const ctx = await pageContext();
  const parsed = notificationQuery.safeParse(fromSearchParams(await searchParams));
  const query = parsed.success ? parsed.data : {};
  const [list, kinds, unread] = await Promise.all([
    listNotifications(ctx, { kind: query.kind, unread: query.unread === "1", page: query.page }),
    listNotificationKinds(ctx),
    countUnread(ctx),
  ]);
  const now = new Date();
  const groups = groupBySubject(list.items, ctx.role);
  const href = (page: number) => {
    const sp = new URLSearchParams();
    if (query.kind) sp.set("kind", query.kind);
    if (query.unread === "1") sp.set("unread", "1");
    if (page > 1) sp.set("page", String(page));
    const q = sp.toString();
    return q ? `/notifications?${q}` : "/notifications";
  };
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Decisions, deadlines and changes that concern you, grouped by what they are about. ${unread} unread. E-mail copies use the same words.`}
        actions={unread > 0 ? <MarkReadButton /> : undefined}
      />
      <form method="get" action="/notifications" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="notification-kind" className="block text-xs font-medium text-slate-600">
            Kind
          </label>
          <select
            id="notification-kind"
            name="kind"
            defaultValue={query.kind ?? ""}
            className="mt-1 rounded-md border border-slate-300 px-2 py-1.5"
          >
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="unread" value="1" defaultChecked={query.unread === "1"} />
          Unread only
        </label>
        <button type="submit" className="rounded-md bg-white px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">
          Filter
        </button>
      </form>
      {list.items.length === 0 ? (
        <EmptyState title={query.kind || query.unread ? "Nothing matches" : "Nothing yet"}>
          {query.kind || query.unread
            ? "No notification matches this filter. Clear it to see them all."
            : "You will be notified here about registrations, decisions and deadlines."}
        </EmptyState>
      ) : (
        <>
          <ul className="space-y-3" aria-label="Notifications by subject">
            {groups.map((g, gi) => (
              <li
                key={g.subject?.key ?? `single-${gi}`}
                className="rounded-lg border border-slate-200 bg-white shadow-sm"
              >
                {g.subject && (
                  <p className="border-b border-slate-100 px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {g.subject.label} ·{" "}
                    <Link href={g.subject.href} className="normal-case text-brand-700 underline">
                      Open
                      <span className="sr-only"> {g.items[0].subject}</span>
                    </Link>
                    {g.items.length > 1 && <span className="ml-2 normal-case">{g.items.length} notices</span>}
                  </p>
                )}
                <ul className="divide-y divide-slate-100">
                  {g.items.map((n) => (
                    <li key={n.id} className={`px-4 py-3 ${n.readAt ? "" : "bg-brand-50"}`}>
                      <p className="text-sm font-medium text-slate-900">
                        {!n.readAt && (
                          <>
                            <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-600" aria-hidden="true" />
                            <span className="sr-only">Unread: </span>
                          </>
                        )}
                        {g.subject ? (
                          <Link href={g.subject.href} className="hover:underline">
                            {n.subject}
                          </Link>
                        ) : (
                          n.subject
                        )}
                      </p>
                      <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>
                      <p className="mt-1 text-xs text-slate-600">
                        {kindLabel(n.kind)} · <HumanDate value={n.createdAt} now={now} />
                      </p>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <PageNav
            className="mt-3"
            page={list.page}
            pages={list.pages}
            total={list.total}
            noun="notifications"
            href={href}
            previous="← Newer"
            next="Older →"
          />
        </>
      )}
    </>
  );
}
