"use client";
// A partner's answer to a hand-off offer (lib/actions/handoffs.ts): accept (confirmed), or decline
// with a reason in a dialog. The server re-checks everything: an offer answered, expired or
// withdrawn meanwhile comes back as a refusal shown here.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { acceptHandoffAction, declineOfferAction } from "@/lib/actions/handoffs";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmButton } from "@/components/ui/confirm";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { Field, INPUT } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

export function OfferActions({ id, account }: { id: string; account: string }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <ConfirmButton
        label="Accept"
        triggerVariant="primary"
        triggerAriaLabel={`Accept the offer for ${account}`}
        title={`Accept ${account}?`}
        description="The deal becomes yours: you are attached to it as its partner and your claim on the account is protected."
        confirmLabel="Accept the deal"
        pendingLabel="Accepting…"
        confirmVariant="primary"
        onConfirm={async () => {
          const res = await acceptHandoffAction({ id });
          if (res.ok) router.refresh();
          return res.ok ? { ok: true } : { ok: false, message: res.message };
        }}
      />
      <DeclineDialog id={id} account={account} onDone={() => router.refresh()} />
    </div>
  );
}

function DeclineDialog({ id, account, onDone }: { id: string; account: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, setError, run } = useAction();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => declineOfferAction({ id, reason: reason.trim() }), "reason");
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
      title={`Decline ${account}`}
      description="Tell channel operations why, so they can find the right partner."
      trigger={
        <Button type="button" variant="secondary" aria-label={`Decline the offer for ${account}`}>
          Decline…
        </Button>
      }
    >
      <form onSubmit={submit} className="mt-4 space-y-4">
        <Field id={`decline-${id}-reason`} label="Reason">
          {(a) => (
            <textarea
              {...a}
              rows={3}
              required
              minLength={3}
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
          disabled={reason.trim().length < 3}
          submitLabel="Decline the offer"
          pendingLabel="Declining…"
        />
      </form>
    </Dialog>
  );
}
