"use client";
// The draft editor (ADMIN). Edits stay in the browser until Save; the server validates the whole
// set and refuses a save when someone else saved first (lockVersion), in which case the edits
// stay here. Lint runs on demand against the unsaved state and after every successful save.
import { useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { ruleTitle, type DefaultOutcome, type Rule } from "@/lib/rules";
import { deleteDraftAction, saveDraftAction } from "@/lib/actions/rule-sets";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LintPanel, lintBadges, useDraftLint } from "@/components/rules/lint-panel";
import { PublishDialog } from "@/components/rules/publish-dialog";
import { indexErrors, outcomeErrors, toEngineDraft } from "./draft-model";
import { EditorToolbar, type SaveMessage } from "./editor-toolbar";
import { FieldError, TextField } from "@/components/ui/field";
import { OutcomeFields } from "./outcome-fields";
import { RuleCard } from "./rule-card";
import { useDraftState } from "./use-draft-state";

export type RuleSetEditorProps = {
  id: string;
  version: number;
  lockVersion: number;
  changeNote: string;
  rules: readonly Rule[];
  defaultOutcome: DefaultOutcome;
};

const FIX_FIRST = "Some fields need fixing: see the highlighted rules.";

export function RuleSetEditor({
  id,
  version,
  lockVersion: initialLock,
  changeNote,
  rules: initialRules,
  defaultOutcome,
}: RuleSetEditorProps) {
  const router = useRouter();
  const s = useDraftState({ rules: initialRules, defaultOutcome, changeNote });
  const { lint, runLint, failLint } = useDraftLint(id);
  const [lockVersion, setLockVersion] = useState(initialLock);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [message, setMessage] = useState<SaveMessage>(null);
  const [lintedSnapshot, setLintedSnapshot] = useState<string | null>(null);

  // leaving the page with unsaved edits asks first
  useEffect(() => {
    if (!s.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [s.dirty]);

  const lintMarks = useMemo(() => lintBadges(lint.report), [lint.report]);

  const ruleLabel = (rid: string) => {
    const r = s.rules.find((x) => x.id === rid);
    return r ? ruleTitle(r) : undefined;
  };

  /** The engine form of the editor's state, or null after showing what stops it from converting. */
  function currentDraft() {
    const { draft, errors } = toEngineDraft(s.rules, s.def);
    if (Object.keys(errors).length === 0) return draft;
    s.setErrors(indexErrors(errors, s.rules));
    return null;
  }

  async function lintNow() {
    const draft = currentDraft();
    if (!draft) return failLint(FIX_FIRST);
    const snapshot = s.snapshot;
    const res = await runLint(draft);
    if (res.ok) setLintedSnapshot(snapshot);
    else if (res.fieldErrors) s.setErrors(indexErrors(res.fieldErrors, s.rules));
  }

  async function save() {
    const draft = currentDraft();
    if (!draft) return setMessage({ kind: "error", text: FIX_FIRST });
    const sent = { rules: s.rules, snapshot: s.snapshot };
    setSaving(true);
    setMessage(null);
    const res = await saveDraftAction({
      id,
      lockVersion,
      changeNote: s.changeNote,
      rules: draft.rules,
      defaultOutcome: draft.defaultOutcome,
    });
    setSaving(false);
    if (!res.ok) {
      // paths index the rules as they were sent, which may have moved since
      if (res.fieldErrors) s.setErrors(indexErrors(res.fieldErrors, sent.rules));
      return setMessage({ kind: res.code === "CONFLICT" ? "conflict" : "error", text: res.message });
    }
    setLockVersion(res.data.lockVersion);
    s.markSaved(sent.snapshot);
    s.clearErrors();
    setMessage({ kind: "success", text: `Draft saved at ${new Date().toLocaleTimeString()}.` });
    const linted = await runLint(draft);
    if (linted.ok) setLintedSnapshot(sent.snapshot);
  }

  async function deleteDraft() {
    setDeleting(true);
    const res = await deleteDraftAction({ id, lockVersion });
    if (!res.ok) {
      setDeleting(false);
      return setMessage({ kind: res.code === "CONFLICT" ? "conflict" : "error", text: res.message });
    }
    s.markSaved(s.snapshot); // nothing left to lose: no leave-page prompt
    router.push("/rules");
    router.refresh();
  }

  function addRule() {
    const rule = s.addRule();
    // after React renders it: bring the new rule's name field into view
    requestAnimationFrame(() => document.getElementById(`rule-${rule.key}-name`)?.focus());
  }

  const other = s.errors.other;
  const general = Object.entries(other)
    .filter(([p]) => !p.startsWith("defaultOutcome") && p !== "changeNote")
    .flatMap(([, m]) => m);

  return (
    <div>
      <EditorToolbar
        version={version}
        dirty={s.dirty}
        saving={saving}
        deleting={deleting}
        message={message}
        onSave={save}
        onDelete={deleteDraft}
        publish={
          <PublishDialog
            ruleSetId={id}
            version={version}
            lockVersion={lockVersion}
            dirty={s.dirty}
            lint={lint}
            lintStale={lintedSnapshot !== s.snapshot}
            onRunLint={lintNow}
            defaultNote={s.changeNote}
          />
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card
            title={`Rules (${s.rules.length}) — first match wins, top to bottom`}
            action={
              <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={addRule}>
                + Add rule
              </Button>
            }
          >
            <FieldError id="rules-general" messages={general} />
            {s.rules.length === 0 ? (
              <p className="text-sm text-slate-600">
                No rules: every deal gets the default outcome. Add a rule to route deals differently.
              </p>
            ) : (
              <ol className="space-y-3">
                {s.rules.map((r, i) => (
                  <RuleCard
                    key={r.key}
                    rule={r}
                    index={i}
                    count={s.rules.length}
                    open={s.openKeys.has(r.key)}
                    errors={s.errors.byRule[r.key]}
                    lint={lintMarks[r.id]}
                    onToggle={() => s.toggle(r.key)}
                    onChange={s.updateRule}
                    onMove={(d) => s.moveRule(i, d)}
                    onDelete={() => s.deleteRule(r.key)}
                  />
                ))}
              </ol>
            )}
          </Card>
          <Card title="Default outcome — when no rule matches">
            <OutcomeFields
              idPrefix="default"
              outcome={s.def}
              errors={outcomeErrors(other, "defaultOutcome")}
              onChange={s.setDefault}
            />
            <TextField
              id="default-rationale"
              className="mt-3"
              label="Rationale (shown to people)"
              value={s.def.rationale}
              maxLength={2000}
              multiline
              errors={other["defaultOutcome.rationale"]}
              onChange={(rationale) => s.setDefault({ rationale })}
            />
          </Card>
          <Card title="Change note">
            <TextField
              id="change-note"
              label="What changed and why (partners read it when this version is published)"
              value={s.changeNote}
              maxLength={2000}
              multiline
              errors={other.changeNote}
              onChange={s.setChangeNote}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <LintPanel
            lint={lint}
            stale={lintedSnapshot !== null && lintedSnapshot !== s.snapshot}
            onRun={lintNow}
            ruleLabel={ruleLabel}
            disabled={saving}
          />
        </div>
      </div>
    </div>
  );
}
