"use client";
// Publishing a draft (docs/domain.md#rules-of-engagement): it governs net-new deals from its effective time on; deals
// already claimed keep the rule set of their claim time. Publication is refused while lint has
// errors, so the dialog shows the lint verdict and only publishes a saved, linted draft.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { publishRuleSetAction } from "@/lib/actions/rule-sets";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LintVerdict, type LintState } from "./lint-panel";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { FieldError, INPUT_COMPACT, LABEL_COMPACT, errorProps } from "@/components/ui/field";
import { inputToIso } from "./editor/draft-model";

type Props = {
  ruleSetId: string;
  version: number;
  lockVersion: number;
  /** Unsaved edits: publishing publishes the stored draft, so they must be saved first. */
  dirty: boolean;
  lint: LintState;
  lintStale: boolean;
  onRunLint: () => void;
  defaultNote: string;
};

/** Now rounded up to the next whole hour, as a UTC datetime-local value. */
function nextHour(): string {
  const d = new Date();
  d.setUTCMinutes(0, 0, 0);
  d.setUTCHours(d.getUTCHours() + 1);
  return d.toISOString().slice(0, 16);
}

function PublishForm({ ruleSetId, version, lockVersion, dirty, lint, lintStale, onRunLint, defaultNote }: Props) {
  const router = useRouter();
  const [effectiveFrom, setEffectiveFrom] = useState(nextHour);
  const [note, setNote] = useState(defaultNote);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const report = lint.report;
  const lintReady = !!report && !lintStale && !lint.pending;
  const blocked = dirty || !lintReady || !report?.publishable;
  const noteErrors = fieldErrors.changeNote;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const iso = inputToIso(effectiveFrom);
    const local: Record<string, string[]> = {};
    if (!iso) local.effectiveFrom = ["Pick the date and time the rules take effect"];
    if (note.trim().length < 3) local.changeNote = ["Say what changed and why (partners read this)"];
    setFieldErrors(local);
    if (!iso || Object.keys(local).length > 0) return;
    setPending(true);
    setError(null);
    const res = await publishRuleSetAction({ id: ruleSetId, lockVersion, effectiveFrom: iso, changeNote: note.trim() });
    setPending(false);
    if (!res.ok) {
      setError(res.message);
      setFieldErrors(res.fieldErrors ?? {});
      return;
    }
    router.push(`/rules/${res.data.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4">
      <div className="rounded-md bg-slate-50 p-3" aria-live="polite">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Lint</p>
        {dirty ? (
          <p className="mt-1 text-sm text-amber-800">
            You have unsaved changes. Save the draft first: publishing publishes the saved version.
          </p>
        ) : lint.pending ? (
          <p className="mt-1 text-sm text-slate-600">Linting…</p>
        ) : report && !lintStale ? (
          <div className="mt-1">
            <LintVerdict report={report} />
            {!report.publishable ? (
              <p className="mt-1 text-xs text-slate-600">
                Fix the errors listed in the lint panel, save, and try again.
              </p>
            ) : report.warnings > 0 ? (
              <p className="mt-1 text-xs text-amber-800">
                Warnings do not block publishing, but each changes outcomes: read them in the lint panel first.
              </p>
            ) : null}
          </div>
        ) : (
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <p className="text-sm text-slate-700">{lint.error ?? "Lint has not run on the saved draft."}</p>
            <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={onRunLint}>
              Run lint
            </Button>
          </div>
        )}
      </div>
      <div>
        <label htmlFor="publish-from" className={LABEL_COMPACT}>
          Effective from (UTC)
        </label>
        <input
          id="publish-from"
          type="datetime-local"
          required
          value={effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.target.value)}
          className={cn(INPUT_COMPACT, "mt-1")}
          aria-describedby={`publish-from-hint${fieldErrors.effectiveFrom ? " publish-from-error" : ""}`}
          aria-invalid={fieldErrors.effectiveFrom ? true : undefined}
        />
        <p id="publish-from-hint" className="mt-1 text-xs text-slate-500">
          Deals first claimed from this moment are decided by version {version}; earlier claims keep their rule set.
          Pick a later time to schedule it.
        </p>
        <FieldError id="publish-from" messages={fieldErrors.effectiveFrom} />
      </div>
      <div>
        <label htmlFor="publish-note" className={LABEL_COMPACT}>
          Change note (partners read this)
        </label>
        <textarea
          id="publish-note"
          rows={3}
          required
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={cn(INPUT_COMPACT, "mt-1")}
          placeholder="What changed and why, e.g. Co-sell band now starts at $200,000 to bring more mid-market deals to partners."
          {...errorProps("publish-note", noteErrors)}
        />
        <FieldError id="publish-note" messages={noteErrors} />
      </div>
      <DialogFormFooter
        error={error}
        pending={pending}
        disabled={blocked}
        submitLabel={`Publish version ${version}`}
        pendingLabel="Publishing…"
      />
    </form>
  );
}

export function PublishDialog(props: Props) {
  return (
    <Dialog
      width="lg"
      trigger={<Button type="button">Publish…</Button>}
      title={`Publish version ${props.version}`}
      description="A published rule set can no longer be edited. It replaces the version in force from the effective time."
    >
      {/* mounted on open, so the default time is "the next hour" from when the dialog opened */}
      <PublishForm {...props} />
    </Dialog>
  );
}
