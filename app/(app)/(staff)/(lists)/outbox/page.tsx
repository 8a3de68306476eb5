import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader, Stat } from "@/components/ui/card";
import { NoAccess } from "@/components/shell/no-access";
import { OutboxList } from "@/components/outbox/outbox-list";
import { RetryButton } from "@/components/outbox/retry-button";
import { listPage, staffContext } from "@/lib/auth/page";
import { getOutboxSummary, listOutboxMessages } from "@/lib/db/outbox-admin";
import { formatDateTime, formatNumber, formatRelative } from "@/lib/format";
import { fromSearchParams, outboxListQuery } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "E-mail outbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const ctx = await staffContext("outbox:manage");
  if (!ctx.allowed) return <NoAccess what="The e-mail outbox" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = outboxListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const now = new Date();
  const [summary, page] = await Promise.all([getOutboxSummary(ctx), listPage(listOutboxMessages(ctx, parsed.data))]);
  const toRetry = summary.failed + summary.retrying;
  return (
    <>
      <PageHeader
        title="E-mail outbox"
        description={
          "Notifications waiting to be e-mailed, and those the mail server refused. " +
          "Failed sends are retried with growing pauses for 24 hours, then marked failed until you retry them."
        }
        actions={toRetry > 0 ? <RetryButton count={toRetry} /> : undefined}
      />
      {!process.env.SMTP_URL && (
        <p role="note" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          E-mail is off on this installation (no <code>SMTP_URL</code>): notifications are shown in the app only and
          wait here until a mail server is configured.
        </p>
      )}
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Backlog" value={formatNumber(summary.backlog)} hint="Queued or being sent" />
        <Stat
          label="Oldest waiting"
          value={summary.oldestPendingAt ? formatRelative(summary.oldestPendingAt, now) : "—"}
          tone={
            summary.oldestPendingAt && now.getTime() - summary.oldestPendingAt.getTime() > 15 * 60_000
              ? "warn"
              : undefined
          }
          hint={summary.oldestPendingAt ? formatDateTime(summary.oldestPendingAt) : "Nothing waiting"}
        />
        <Stat
          label="Retrying"
          value={formatNumber(summary.retrying)}
          tone={summary.retrying > 0 ? "warn" : undefined}
          hint="Failed at least once, next try scheduled"
        />
        <Stat
          label="Failed"
          value={formatNumber(summary.failed)}
          tone={summary.failed > 0 ? "warn" : "good"}
          hint="Gave up after 24 hours; retry them here"
        />
      </div>
      <OutboxList page={page} query={parsed.data} raw={raw} path="/outbox" now={now} />
    </>
  );
}
