"use client";
// The one dialog: Radix Dialog (focus trap, Escape, focus return, labelled by its title).
// Content is a child so a form can keep the dialog open until the server has answered.
import { Dialog as D } from "radix-ui";
import { Button } from "./button";
import { cn } from "./cn";
import { FormAlert } from "./field";

export const OVERLAY = "fixed inset-0 z-40 bg-slate-900/40";
export const PANEL =
  "fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 " +
  "overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none";
export const TITLE = "text-base font-semibold text-slate-900";
export const DESCRIPTION = "mt-1 text-sm text-slate-600";
export const WIDTH = { md: "max-w-md", lg: "max-w-lg" } as const;

export const DialogClose = D.Close;
export const DialogDescription = D.Description;

export function Dialog({
  trigger,
  title,
  description,
  open,
  onOpenChange,
  width = "md",
  children,
}: {
  /** The button that opens it (rendered as Radix's trigger); none when the dialog is opened from state. */
  trigger?: React.ReactNode;
  title: React.ReactNode;
  /** Omitted when a child renders its own DialogDescription. */
  description?: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  width?: keyof typeof WIDTH;
  children: React.ReactNode;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <D.Trigger asChild>{trigger}</D.Trigger>}
      <D.Portal>
        <D.Overlay className={OVERLAY} />
        <D.Content className={cn(PANEL, WIDTH[width])}>
          <D.Title className={TITLE}>{title}</D.Title>
          {description && <D.Description className={DESCRIPTION}>{description}</D.Description>}
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** A dialog form's foot: its error, Cancel (closes) and the submit button, disabled while pending. */
export function DialogFormFooter({
  error,
  pending,
  disabled,
  submitLabel,
  pendingLabel,
}: {
  error: string | null;
  pending: boolean;
  disabled?: boolean;
  submitLabel: string;
  pendingLabel: string;
}) {
  return (
    <>
      <FormAlert message={error} />
      <div className="flex justify-end gap-2">
        <D.Close asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </D.Close>
        <Button type="submit" disabled={pending || disabled}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </>
  );
}
