"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { retryAllOutboxAction, retryOutboxMessageAction } from "@/lib/actions/outbox";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { useAction } from "@/components/ui/use-action";

/** "Retry now" for one message (id) or, behind a confirmation, for every failed and backing-off message (no id). */
export function RetryButton({ id, count }: { id?: string; count?: number }) {
  return id === undefined ? <RetryAllButton count={count} /> : <RetryOneButton id={id} />;
}

function RetryOneButton({ id }: { id: string }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const [queued, setQueued] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="link"
        disabled={pending}
        onClick={async () => {
          if (!(await run(() => retryOutboxMessageAction({ id })))) return;
          setQueued(true);
          router.refresh();
        }}
      >
        {pending ? "Retrying…" : "Retry now"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : (
        queued && (
          <span role="status" className="text-xs text-slate-600">
            Queued
          </span>
        )
      )}
    </span>
  );
}

function RetryAllButton({ count }: { count?: number }) {
  const router = useRouter();
  const [queued, setQueued] = useState<number | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        label="Retry all now"
        triggerVariant="primary"
        title={`Retry ${count ?? "all"} message${count === 1 ? "" : "s"} now?`}
        description="They are sent on the next delivery run, within a minute."
        confirmLabel="Retry all"
        confirmVariant="primary"
        pendingLabel="Retrying…"
        onConfirm={async () => {
          const res = await retryAllOutboxAction({});
          if (!res.ok) return res;
          setQueued(res.data.count);
          router.refresh();
        }}
      />
      {queued !== null && (
        <span role="status" className="text-xs text-slate-600">
          {queued} queued
        </span>
      )}
    </span>
  );
}
