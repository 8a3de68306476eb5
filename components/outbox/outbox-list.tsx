import { type Column } from "@/components/ui/table";
import { ListView } from "@/components/ui/list-view";
import { type Filter } from "@/components/ui/filter-bar";
import { Badge, type Tone } from "@/components/ui/badge";
import type { OutboxRow } from "@/lib/db/outbox-admin";
import type { Page } from "@/lib/db/pagination";
import { formatDateTime, formatNumber, humanize } from "@/lib/format";
import { OUTBOX_STATUSES, type OutboxListQuery } from "@/lib/validation/lists";
import { RetryButton } from "./retry-button";

const TONE: Record<string, Tone> = { PENDING: "blue", SENDING: "violet", SENT: "green", FAILED: "red" };

function StatusCell({ row, now }: { row: OutboxRow; now: Date }) {
  const retrying = row.status === "PENDING" && row.attempts > 0;
  return (
    <div className="space-y-1">
      <Badge tone={retrying ? "amber" : (TONE[row.status] ?? "slate")}>
        {retrying ? "Retrying" : humanize(row.status)}
      </Badge>
      {row.status === "PENDING" && row.nextAttemptAt > now && (
        <p className="whitespace-nowrap text-xs text-slate-500">next {formatDateTime(row.nextAttemptAt)}</p>
      )}
      {row.status === "SENT" && (
        <p className="whitespace-nowrap text-xs text-slate-500">{formatDateTime(row.sentAt)}</p>
      )}
    </div>
  );
}

export function OutboxList({
  page,
  query,
  raw,
  path,
  now,
}: {
  page: Page<OutboxRow>;
  query: OutboxListQuery;
  raw: Record<string, string>;
  path: string;
  now: Date;
}) {
  const columns: Column<OutboxRow>[] = [
    {
      key: "createdAt",
      header: "Queued",
      sortKey: "createdAt",
      cell: (r) => <span className="whitespace-nowrap">{formatDateTime(r.createdAt)}</span>,
    },
    {
      key: "message",
      header: "Message",
      cell: (r) => (
        <div className="max-w-xs">
          <p className="truncate font-medium text-slate-900" title={r.subject}>
            {r.subject}
          </p>
          <p className="truncate text-xs text-slate-500">
            {r.recipientEmail} · <code>{r.kind}</code>
          </p>
        </div>
      ),
    },
    { key: "status", header: "Status", sortKey: "nextAttemptAt", cell: (r) => <StatusCell row={r} now={now} /> },
    {
      key: "attempts",
      header: "Attempts",
      sortKey: "attempts",
      align: "right",
      cell: (r) => <span className="tabular-nums">{formatNumber(r.attempts)}</span>,
    },
    {
      key: "error",
      header: "Last error",
      cell: (r) =>
        r.lastError ? (
          <div className="max-w-sm">
            <p className="break-words text-xs text-red-700">{r.lastError}</p>
            {r.failingSince && <p className="text-xs text-slate-500">failing since {formatDateTime(r.failingSince)}</p>}
          </div>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      key: "retry",
      header: "",
      cell: (r) =>
        r.status === "FAILED" || (r.status === "PENDING" && r.nextAttemptAt > now) ? <RetryButton id={r.id} /> : null,
    },
  ];
  const filters: Filter[] = [
    { kind: "search", name: "q", label: "Recipient, subject or id", placeholder: "Part of an address or subject" },
    { kind: "select", name: "status", label: "Status", options: OUTBOX_STATUSES },
  ];
  const filtered = Boolean(query.q || query.status);
  return (
    <ListView
      path={path}
      query={raw}
      filters={filters}
      keep={{ dir: raw.dir, sort: raw.sort }}
      page={page}
      columns={columns}
      sort={query.sort}
      dir={query.dir ?? "desc"}
      caption="Outgoing e-mail, newest first"
      empty={{
        title: filtered ? "No messages match these filters" : "Nothing waiting: every e-mail has been delivered",
        body: filtered
          ? "Clear a filter, or choose “All” to see every status."
          : "Notifications are e-mailed within a minute of being queued. If the mail server is " +
            "unreachable they wait here and are retried with growing pauses for 24 hours before they are marked failed.",
      }}
    />
  );
}
