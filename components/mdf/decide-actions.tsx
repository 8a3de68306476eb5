"use client";
// Staff actions on an MDF request (lib/actions/mdf.ts): a partner manager or channel operations
// approve (confirmed) or reject with a reason; channel operations mark a claim paid (confirmed).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { decideMdfAction, payMdfAction } from "@/lib/actions/mdf";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmButton } from "@/components/ui/confirm";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { Field, INPUT } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

type Props = { id: string; label: string; status: string; canDecide: boolean; canPay: boolean };

export function MdfDecideActions({ id, label, status, canDecide, canPay }: Props) {
  const router = useRouter();
  if (status === "REQUESTED" && canDecide)
    return (
      <div className="flex flex-wrap justify-end gap-2">
        <ConfirmButton
          label="Approve"
          triggerVariant="primary"
          triggerAriaLabel={`Approve ${label}`}
          title={`Approve ${label}?`}
          description="The partner may run the activity and claim the amount with proof."
          confirmLabel="Approve"
          pendingLabel="Approving…"
          confirmVariant="primary"
          onConfirm={async () => {
            const res = await decideMdfAction({ requestId: id, decision: "approve", reason: "" });
            if (res.ok) router.refresh();
            return res.ok ? { ok: true } : { ok: false, message: res.message };
          }}
        />
        <RejectDialog id={id} label={label} onDone={() => router.refresh()} />
      </div>
    );
  if (status === "CLAIMED" && canPay)
    return (
      <ConfirmButton
        label="Mark paid"
        triggerVariant="primary"
        triggerAriaLabel={`Mark ${label} paid`}
        title={`Mark ${label} paid?`}
        description="The amount moves from committed to spent on the fund and the partner is told."
        confirmLabel="Mark paid"
        pendingLabel="Saving…"
        confirmVariant="primary"
        onConfirm={async () => {
          const res = await payMdfAction({ requestId: id });
          if (res.ok) router.refresh();
          return res.ok ? { ok: true } : { ok: false, message: res.message };
        }}
      />
    );
  return null;
}

function RejectDialog({ id, label, onDone }: { id: string; label: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, setError, run } = useAction();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(
      () => decideMdfAction({ requestId: id, decision: "reject", reason: reason.trim() }),
      "reason",
    );
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
      title={`Reject ${label}`}
      description="The partner reads your reason; the amount goes back to the fund."
      trigger={
        <Button type="button" variant="secondary" aria-label={`Reject ${label}`}>
          Reject…
        </Button>
      }
    >
      <form onSubmit={submit} className="mt-4 space-y-4">
        <Field id={`mdf-reject-${id}`} label="Reason">
          {(a) => (
            <textarea
              {...a}
              rows={3}
              required
              minLength={5}
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
          disabled={reason.trim().length < 5}
          submitLabel="Reject the request"
          pendingLabel="Rejecting…"
        />
      </form>
    </Dialog>
  );
}
