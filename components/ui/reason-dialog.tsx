"use client";
// The one dialog that asks for a reason and runs a server action with it (a partner declines a
// hand-off offer, staff reject an MDF request): the reason is required, submit stays disabled until
// it is long enough and while the action runs, and the server's refusal (its `reason` field error
// first) is shown in the dialog, which stays open until the action succeeds.
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { Button } from "./button";
import { cn } from "./cn";
import { Dialog, DialogFormFooter } from "./dialog";
import { Field, INPUT } from "./field";
import { useAction } from "./use-action";

export function ReasonDialog({
  fieldId,
  title,
  description,
  triggerLabel,
  triggerAriaLabel,
  minLength,
  submitLabel,
  pendingLabel,
  action,
  onDone,
}: {
  /** The reason field's id, unique on the page. */
  fieldId: string;
  title: string;
  description: string;
  triggerLabel: string;
  triggerAriaLabel: string;
  /** The fewest characters the server accepts (after trimming). */
  minLength: number;
  submitLabel: string;
  pendingLabel: string;
  /** Runs the server action with the trimmed reason. */
  action: (reason: string) => Promise<ActionResult<unknown>>;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, setError, run } = useAction();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => action(reason.trim()), "reason");
    if (!res) return;
    setOpen(false);
    onDone();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setError(null);
          setReason("");
        }
      }}
      title={title}
      description={description}
      trigger={
        <Button type="button" variant="secondary" aria-label={triggerAriaLabel}>
          {triggerLabel}
        </Button>
      }
    >
      <form onSubmit={submit} className="mt-4 space-y-4">
        <Field id={fieldId} label="Reason">
          {(a) => (
            <textarea
              {...a}
              rows={3}
              required
              minLength={minLength}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              disabled={pending}
              className={cn(INPUT, "mt-1")}
            />
          )}
        </Field>
        <DialogFormFooter
          error={error}
          pending={pending}
          disabled={reason.trim().length < minLength}
          submitLabel={submitLabel}
          pendingLabel={pendingLabel}
        />
      </form>
    </Dialog>
  );
}
