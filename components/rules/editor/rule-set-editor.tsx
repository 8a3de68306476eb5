"use client";
// The draft editor (ADMIN). Edits stay in the browser until Save; the server validates the whole
// set and refuses a save when someone else saved first (lockVersion), in which case the edits
// stay here. Lint runs on demand against the unsaved state and after every successful save.
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { ruleTitle, type DefaultOutcome, type Rule } from "@/lib/rules";
import { deleteDraftAction, saveDraftAction } from "@/lib/actions/rule-sets";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LintPanel, lintBadges, useDraftLint } from "@/components/rules/lint-panel";
import { PublishDialog } from "@/components/rules/publish-dialog";
import { indexErrors, outcomeErrors, toEngineDraft, type ErrorIndex } from "./draft-model";
import { EditorToolbar, type SaveMessage } from "./editor-toolbar";
import { FieldError, TextField } from "@/components/ui/field";
import { OutcomeFields } from "./outcome-fields";
import { RuleList, type RuleListHandle } from "./rule-list";
import { findPriority } from "./rule-list-model";
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
  const list = useRef<RuleListHandle>(null);

  // a deep link to a rule (?rule=<priority>, e.g. from a lint finding) scrolls to it and opens it
  const linked = useSearchParams().get("rule");
  useEffect(() => {
    if (linked === null || !/^\d+$/.test(linked)) return;
    const hit = findPriority(s.rules, Number(linked));
    if (hit?.exact) list.current?.reveal(s.rules[hit.index].key);
    // only when the link changes: later edits must not pull the list back to it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked]);

  // in-page links to a rule row (#rule-<id>) reveal it too: most rows are not in the page
  useEffect(() => {
    const onHash = () => {
      const id = decodeURIComponent(window.location.hash.replace(/^#rule-/, ""));
      const rule = window.location.hash.startsWith("#rule-") ? s.rules.find((r) => r.id === id) : undefined;
      if (rule) list.current?.reveal(rule.key);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [s.rules]);

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

  /** Shows problems on their rules and brings the first rule with one into view. */
  function showErrors(index: ErrorIndex) {
    s.setErrors(index);
    const first = s.rules.find((r) => index.byRule[r.key]);
    if (first) list.current?.reveal(first.key);
  }

  /** The engine form of the editor's state, or null after showing what stops it from converting. */
  function currentDraft() {
    const { draft, errors } = toEngineDraft(s.rules, s.def);
    if (Object.keys(errors).length === 0) return draft;
    showErrors(indexErrors(errors, s.rules));
    return null;
  }

  async function lintNow() {
    const draft = currentDraft();
    if (!draft) return failLint(FIX_FIRST);
    const snapshot = s.snapshot;
    const res = await runLint(draft);
    if (res.ok) setLintedSnapshot(snapshot);
    else if (res.fieldErrors) showErrors(indexErrors(res.fieldErrors, s.rules));
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
      if (res.fieldErrors) showErrors(indexErrors(res.fieldErrors, sent.rules));
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
    // once React renders it: bring the new rule's name field into view (the first rule mounts the list)
    if (list.current) list.current.reveal(rule.key, "name");
    else requestAnimationFrame(() => document.getElementById(`rule-${rule.key}-name`)?.focus());
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
              <RuleList
                ref={list}
                rules={s.rules}
                openKeys={s.openKeys}
                errors={s.errors.byRule}
                lintMarks={lintMarks}
                onOpen={s.open}
                onToggle={s.toggle}
                onChange={s.updateRule}
                onMove={s.moveRule}
                onDelete={s.deleteRule}
              />
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
