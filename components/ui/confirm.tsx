"use client";
// The one confirmation for destructive or far-reaching actions (Radix AlertDialog: focus trap,
// Escape cancels, focus returns to the button that opened it). When the confirmed work is a
// server action, the dialog stays open until the server has answered and shows its refusal.
import { useState } from "react";
import { AlertDialog } from "radix-ui";
import { Button, type Variant } from "./button";
import { cn } from "./cn";
import { DESCRIPTION, OVERLAY, PANEL, TITLE, WIDTH } from "./dialog";
import { FormAlert } from "./field";
import { UNREACHABLE } from "./use-action";

/** What a confirmed action may report back: nothing (done), or a server action's outcome. */
export type ConfirmOutcome = void | { ok: true } | { ok: false; message: string };

export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Cancel",
  onConfirm,
  onOpenChange,
  disabled,
  triggerVariant = "secondary",
  triggerClassName,
  triggerAriaLabel,
  confirmVariant = "danger",
  children,
}: {
  label: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs. */
  pendingLabel?: string;
  cancelLabel?: string;
  onConfirm: () => ConfirmOutcome | Promise<ConfirmOutcome>;
  onOpenChange?: (open: boolean) => void;
  disabled?: boolean;
  triggerVariant?: Variant;
  triggerClassName?: string;
  triggerAriaLabel?: string;
  confirmVariant?: Variant;
  /** More content between the description and the buttons, e.g. an optional reason field. */
  children?: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function changeOpen(next: boolean) {
    if (pending) return; // the answer is on its way: keep the dialog until it arrives
    setOpen(next);
    setError(null);
    onOpenChange?.(next);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    const outcome = await Promise.resolve()
      .then(onConfirm)
      .catch((): ConfirmOutcome => ({ ok: false, message: UNREACHABLE }));
    setPending(false);
    if (outcome && !outcome.ok) return setError(outcome.message);
    setOpen(false);
    onOpenChange?.(false);
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={changeOpen}>
      <AlertDialog.Trigger asChild>
        <Button
          type="button"
          variant={triggerVariant}
          className={triggerClassName}
          disabled={disabled}
          aria-label={triggerAriaLabel}
        >
          {label}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={cn(PANEL, WIDTH.lg)}>
          <AlertDialog.Title className={TITLE}>{title}</AlertDialog.Title>
          <AlertDialog.Description className={DESCRIPTION}>{description}</AlertDialog.Description>
          {children && <div className="mt-4 space-y-4">{children}</div>}
          <FormAlert message={error} className="mt-4" />
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button type="button" variant="secondary" disabled={pending}>
                {cancelLabel}
              </Button>
            </AlertDialog.Cancel>
            {/* a plain button, not AlertDialog.Action: the dialog must stay open until the server has answered */}
            <Button type="button" variant={confirmVariant} onClick={confirm} disabled={pending}>
              {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
