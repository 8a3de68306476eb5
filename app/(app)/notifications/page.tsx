import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { REGISTRATIONS_PATH } from "@/lib/auth/navigation";
import { pageContext } from "@/lib/auth/page";
import { listNotifications } from "@/lib/db/notifications";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const ctx = await pageContext();
  const items = await listNotifications(ctx);
  const base = REGISTRATIONS_PATH[ctx.role];
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Decisions, deadlines and changes that concern you. E-mail copies go out when the server has SMTP configured."
        actions={items.some((i) => !i.readAt) ? <MarkReadButton /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing yet">
          You will be notified here about registrations, decisions and deadlines.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {items.map((n) => {
            const regId = (n.payload as { registrationId?: string } | null)?.registrationId;
            return (
              <li key={n.id} className={`px-4 py-3 ${n.readAt ? "" : "bg-brand-50"}`}>
                <p className="text-sm font-medium text-slate-900">
                  {!n.readAt && (
                    <>
                      <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-600" aria-hidden="true" />
                      <span className="sr-only">Unread: </span>
                    </>
                  )}
                  {regId ? (
                    <Link href={`${base}/${regId}`} className="hover:underline">
                      {n.subject}
                    </Link>
                  ) : (
                    n.subject
                  )}
                </p>
                <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>
                <p className="mt-1 text-xs text-slate-600">{formatDateTime(n.createdAt)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
