"use client";
// What the owning partner can do to a registration (docs/domain.md#registration-lifecycle): post a progress update (activity
// that keeps the claim from dormant release), ask for more protection before it lapses, or
// withdraw it. Which buttons show is decided by the page from the stored state; the
// server re-checks everything (status, expiry, extension count) when the action runs.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertDialog, Dialog } from "radix-ui";
import { extendRegistrationAction, postRegistrationUpdateAction, withdrawRegistrationAction } from "@/lib/actions/registrations";
import type { ActionResult } from "@/lib/actions/define-action";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import { Field, FormAlert, INPUT, Notice } from "./form-fields";

const OVERLAY = "fixed inset-0 z-40 bg-slate-900/40";
const PANEL = "fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none";

/** A dialog's server-action call: pending and error state; the message of `field`, or the action's. */
function useActionCall() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function call<T>(run: () => Promise<ActionResult<T>>, field: string): Promise<T | null> {
    setPending(true);
    setError(null);
    const res = await run().catch(() => null);
    setPending(false);
    setError(!res ? "Could not reach the server. Try again." : res.ok ? null : (res.fieldErrors?.[field]?.join(" ") ?? res.message));
    return res?.ok ? res.data : null;
  }
  return { pending, error, setError, call };
}

type Props = { id: string; canExtend: boolean; canWithdraw: boolean; canUpdate: boolean; extensionsLeft: number; protectedUntil: string | null };

export function PartnerActions({ id, canExtend, canWithdraw, canUpdate, extensionsLeft, protectedUntil }: Props) {
  const [withdrawn, setWithdrawn] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {withdrawn && <p role="status" className="text-sm text-slate-700">Registration withdrawn.</p>}
      {canUpdate && !withdrawn && <UpdateDialog id={id} />}
      <ExtendDialog id={id} show={canExtend} extensionsLeft={extensionsLeft} protectedUntil={protectedUntil} />
      {canWithdraw && <WithdrawDialog id={id} onDone={() => setWithdrawn(true)} />}
    </div>
  );
}

function ExtendDialog({ id, show, extensionsLeft, protectedUntil }: { id: string; show: boolean; extensionsLeft: number; protectedUntil: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, setError, call } = useActionCall();
  const [done, setDone] = useState<{ protectedUntil: string; extensionsLeft: number } | null>(null);

  // the refresh after success may take the button away (last extension used): keep the result on screen
  if (!show && !done) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const data = await call(() => extendRegistrationAction({ id, reason: reason.trim() }), "reason");
    if (!data) return;
    setDone({ protectedUntil: data.protectedUntil, extensionsLeft: data.extensionsLeft });
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
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {show && (
        <Dialog.Trigger asChild>
          <Button type="button" variant="secondary">Request extension…</Button>
        </Dialog.Trigger>
      )}
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={PANEL}>
          <Dialog.Title className="text-base font-semibold text-slate-900">Extend protection</Dialog.Title>
          {done ? (
            <div className="mt-3 space-y-4">
              <Notice tone="green" title="Protection extended">
                {/* the outcome is what the dialog is now about: it becomes its accessible description */}
                <Dialog.Description role="status">
                  Your protection now runs until <strong>{formatDate(done.protectedUntil)}</strong>.{" "}
                  {done.extensionsLeft > 0 ? `${done.extensionsLeft} more extension${done.extensionsLeft === 1 ? "" : "s"} available.` : "That was the last extension available."}
                </Dialog.Description>
              </Notice>
              <div className="flex justify-end">
                <Dialog.Close asChild>
                  <Button type="button" variant="secondary">Close</Button>
                </Dialog.Close>
              </div>
            </div>
          ) : (
            <>
              <Dialog.Description className="mt-1 text-sm text-slate-600">
                Protection currently ends {formatDate(protectedUntil)}. An extension adds the route&apos;s protection period again. {extensionsLeft} of your extensions left.
              </Dialog.Description>
              <form onSubmit={submit} className="mt-4 space-y-4">
                <Field id={`extend-${id}-reason`} label="Reason" optional hint="Where the deal stands and why it needs more time.">
                  {(a) => <textarea {...a} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} disabled={pending} className={INPUT} />}
                </Field>
                <FormAlert message={error} />
                <div className="flex justify-end gap-2">
                  <Dialog.Close asChild>
                    <Button type="button" variant="secondary">Cancel</Button>
                  </Dialog.Close>
                  <Button type="submit" disabled={pending}>{pending ? "Requesting…" : "Request extension"}</Button>
                </div>
              </form>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function UpdateDialog({ id }: { id: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { pending, error, setError, call } = useActionCall();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!(await call(() => postRegistrationUpdateAction({ id, note: note.trim() }), "note"))) return;
    setOpen(false);
    setNote("");
    router.refresh();
  }

  return (
    <Dialog.Root open={open} onOpenChange={(next) => { setOpen(next); if (!next) setError(null); }}>
      <Dialog.Trigger asChild>
        <Button type="button" variant="secondary">Post update…</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={PANEL}>
          <Dialog.Title className="text-base font-semibold text-slate-900">Post a progress update</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            Updates go on the timeline for the vendor&apos;s reviewers and count as activity, so the account is not released as dormant.
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-4">
            <Field id={`update-${id}-note`} label="Update" hint="e.g. Demo held with the CIO; proposal due next week.">
              {(a) => <textarea {...a} rows={3} maxLength={2000} required value={note} onChange={(e) => setNote(e.target.value)} disabled={pending} className={INPUT} />}
            </Field>
            <FormAlert message={error} />
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>{pending ? "Posting…" : "Post update"}</Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function WithdrawDialog({ id, onDone }: { id: string; onDone: () => void }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, setError, call } = useActionCall();

  async function withdraw() {
    if (!(await call(() => withdrawRegistrationAction({ id, reason: reason.trim() }), "reason"))) return;
    setOpen(false);
    onDone();
    router.refresh();
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => { setOpen(next); if (!next) setError(null); }}>
      <AlertDialog.Trigger asChild>
        <Button type="button" variant="secondary">Withdraw…</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={PANEL}>
          <AlertDialog.Title className="text-base font-semibold text-slate-900">Withdraw this registration?</AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-slate-600">
            Withdrawing ends any protection and releases the account. It cannot be undone; to pursue the deal later you would register it again.
          </AlertDialog.Description>
          <div className="mt-4 space-y-4">
            <Field id={`withdraw-${id}-reason`} label="Reason" optional hint="e.g. The customer postponed the project.">
              {(a) => <textarea {...a} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} disabled={pending} className={INPUT} />}
            </Field>
            <FormAlert message={error} />
            <div className="flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button type="button" variant="secondary">Keep registration</Button>
              </AlertDialog.Cancel>
              {/* a plain button, not AlertDialog.Action: the dialog must stay open until the server has answered */}
              <Button type="button" variant="danger" onClick={withdraw} disabled={pending}>{pending ? "Withdrawing…" : "Withdraw registration"}</Button>
            </div>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
