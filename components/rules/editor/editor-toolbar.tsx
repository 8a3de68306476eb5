"use client";
// The draft's action bar: unsaved-changes indicator, Save, Publish, Delete draft, and the outcome
// of the last save. It stays in view while scrolling long rule lists.
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmButton } from "@/components/ui/confirm";

export type SaveMessage = { kind: "success" | "error" | "conflict"; text: string } | null;

export function EditorToolbar({
  version,
  dirty,
  saving,
  deleting,
  message,
  onSave,
  onDelete,
  publish,
}: {
  version: number;
  dirty: boolean;
  saving: boolean;
  deleting: boolean;
  message: SaveMessage;
  onSave: () => void;
  onDelete: () => void;
  publish: React.ReactNode;
}) {
  return (
    <div className="sticky top-0 z-10 -mx-1 mb-4 space-y-2 bg-slate-50/95 px-1 py-2 backdrop-blur">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2.5 shadow-sm">
        <p className="flex items-center gap-2 text-sm" aria-live="polite">
          <span aria-hidden className={cn("h-2 w-2 rounded-full", dirty ? "bg-amber-500" : "bg-emerald-500")} />
          {saving ? (
            "Saving…"
          ) : dirty ? (
            <span className="font-medium text-amber-800">Unsaved changes</span>
          ) : (
            <span className="text-slate-600">All changes saved</span>
          )}
          <span className="text-slate-500">· Draft v{version}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <ConfirmButton
            label={deleting ? "Deleting…" : "Delete draft"}
            triggerVariant="ghost"
            triggerClassName="text-red-700 hover:bg-red-50"
            disabled={deleting || saving}
            title={`Delete draft v${version}?`}
            description="The draft and all its rules are removed. Published versions are not affected. This cannot be undone."
            confirmLabel="Delete draft"
            onConfirm={onDelete}
          />
          <Button type="button" variant="secondary" onClick={onSave} disabled={saving || deleting || !dirty}>
            {saving ? "Saving…" : "Save draft"}
          </Button>
          {publish}
        </div>
      </div>
      {message && (
        <div
          role={message.kind === "success" ? "status" : "alert"}
          className={cn(
            "flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2 text-sm",
            message.kind === "success"
              ? "bg-emerald-50 text-emerald-800"
              : message.kind === "conflict"
                ? "bg-amber-50 text-amber-900 ring-1 ring-amber-200"
                : "bg-red-50 text-red-700",
          )}
        >
          <span>{message.text}</span>
          {message.kind === "conflict" && (
            // a full reload is what re-reads the draft; the browser asks before dropping unsaved edits
            <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={() => window.location.reload()}>
              Discard my edits and load theirs
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
