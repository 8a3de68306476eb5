"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { retryAllOutboxAction, retryOutboxMessageAction } from "@/lib/actions/outbox";

/** "Retry now" for one message (id) or for every failed and backing-off message (no id). */
export function RetryButton({ id, count }: { id?: string; count?: number }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const router = useRouter();
  const all = id === undefined;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (all && !window.confirm(`Retry ${count ?? "all"} message${count === 1 ? "" : "s"} now? They are sent on the next delivery run, within a minute.`)) return;
          start(async () => {
            const result = all ? await retryAllOutboxAction({}) : await retryOutboxMessageAction({ id });
            setMessage(result.ok ? (all ? `${"count" in result.data ? result.data.count : 0} queued` : "Queued") : result.message);
            router.refresh();
          });
        }}
        className={
          all
            ? "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            : "text-sm font-medium text-brand-700 hover:underline disabled:opacity-60"
        }
      >
        {pending ? "Retrying…" : all ? "Retry all now" : "Retry now"}
      </button>
      {message && (
        <span role="status" className="text-xs text-slate-600">
          {message}
        </span>
      )}
    </span>
  );
}
