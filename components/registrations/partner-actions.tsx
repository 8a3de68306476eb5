"use client";
// What the owning partner can do to a registration (actions in lib/actions/registrations.ts): post a
// progress update (activity that keeps the claim from dormant release), ask for more protection
// before it lapses, or withdraw it. Which buttons show is decided by the page from the stored state; the
// server re-checks everything (status, expiry, extension count) when the action runs.
import { useState } from "react";
import { useRouter } from "next/navigation";
import {
  extendRegistrationAction,
  postRegistrationUpdateAction,
  withdrawRegistrationAction,
} from "@/lib/actions/registrations";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { Dialog, DialogClose, DialogDescription, DialogFormFooter, DESCRIPTION } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useAction } from "@/components/ui/use-action";
import { formatDate } from "@/lib/format";

type Props = {
  id: string;
  canExtend: boolean;
  canWithdraw: boolean;
  canUpdate: boolean;
  extensionsLeft: number;
  protectedUntil: string | null;
};

export function PartnerActions({ id, canExtend, canWithdraw, canUpdate, extensionsLeft, protectedUntil }: Props) {
  const [withdrawn, setWithdrawn] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {withdrawn && (
        <p role="status" className="text-sm text-slate-700">
          Registration withdrawn.
        </p>
      )}
      {canUpdate && !withdrawn && <UpdateDialog id={id} />}
      <ExtendDialog id={id} show={canExtend} extensionsLeft={extensionsLeft} protectedUntil={protectedUntil} />
      {canWithdraw && <WithdrawButton id={id} onDone={() => setWithdrawn(true)} />}
    </div>
  );
}

function ExtendDialog({
  id,
  show,
  extensionsLeft,
  protectedUntil,
}: {
  id: string;
  show: boolean;
  extensionsLeft: number;
  protectedUntil: string | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, setError, run } = useAction();
  const [done, setDone] = useState<{ protectedUntil: string; extensionsLeft: number } | null>(null);

  // the refresh after success may take the button away (last extension used): keep the result on screen
  if (!show && !done) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => extendRegistrationAction({ id, reason: reason.trim() }), "reason");
    if (!res) return;
    setDone({ protectedUntil: res.data.protectedUntil, extensionsLeft: res.data.extensionsLeft });
    router.refresh();
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setError(null);
      setReason("");
      setDone(null);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Extend protection"
      trigger={
        show ? (
          <Button type="button" variant="secondary">
            Request extension…
          </Button>
        ) : undefined
      }
    >
      {done ? (
        <div className="mt-3 space-y-4">
          <Notice tone="green" title="Protection extended">
            {/* the outcome is what the dialog is now about: it becomes its accessible description */}
            <DialogDescription role="status">
              Your protection now runs until <strong>{formatDate(done.protectedUntil)}</strong>.{" "}
              {done.extensionsLeft > 0
                ? `${done.extensionsLeft} more extension${done.extensionsLeft === 1 ? "" : "s"} available.`
                : "That was the last extension available."}
            </DialogDescription>
          </Notice>
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Close
              </Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <>
          <DialogDescription className={DESCRIPTION}>
            Protection currently ends {formatDate(protectedUntil)}. An extension adds the route&apos;s protection period
            again. {extensionsLeft} of your extensions left.
          </DialogDescription>
          <form onSubmit={submit} className="mt-4 space-y-4">
            <TextAreaField
              id={`extend-${id}-reason`}
              label="Reason"
              optional
              hint="Where the deal stands and why it needs more time."
              maxLength={2000}
              value={reason}
              onChange={setReason}
              disabled={pending}
            />
            <DialogFormFooter
              error={error}
              pending={pending}
              submitLabel="Request extension"
              pendingLabel="Requesting…"
            />
          </form>
        </>
      )}
    </Dialog>
  );
}

function UpdateDialog({ id }: { id: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { pending, error, setError, run } = useAction();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!(await run(() => postRegistrationUpdateAction({ id, note: note.trim() }), "note"))) return;
    setOpen(false);
    setNote("");
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
      title="Post a progress update"
      description="Updates go on the timeline for the vendor's reviewers and count as activity, so the account is not released as dormant."
      trigger={
        <Button type="button" variant="secondary">
          Post update…
        </Button>
      }
    >
      <form onSubmit={submit} className="mt-4 space-y-4">
        <TextAreaField
          id={`update-${id}-note`}
          label="Update"
          hint="e.g. Demo held with the CIO; proposal due next week."
          maxLength={2000}
          required
          value={note}
          onChange={setNote}
          disabled={pending}
        />
        <DialogFormFooter error={error} pending={pending} submitLabel="Post update" pendingLabel="Posting…" />
      </form>
    </Dialog>
  );
}

function WithdrawButton({ id, onDone }: { id: string; onDone: () => void }) {
  const router = useRouter();
  const [reason, setReason] = useState("");

  async function withdraw() {
    const res = await withdrawRegistrationAction({ id, reason: reason.trim() });
    if (!res.ok) return { ok: false as const, message: res.fieldErrors?.reason?.join(" ") || res.message };
    onDone();
    router.refresh();
  }

  return (
    <ConfirmButton
      label="Withdraw…"
      title="Withdraw this registration?"
      description="Withdrawing ends any protection and releases the account. It cannot be undone; to pursue the deal later you would register it again."
      cancelLabel="Keep registration"
      confirmLabel="Withdraw registration"
      pendingLabel="Withdrawing…"
      onConfirm={withdraw}
    >
      <TextAreaField
        id={`withdraw-${id}-reason`}
        label="Reason"
        optional
        hint="e.g. The customer postponed the project."
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
    </ConfirmButton>
  );
}
