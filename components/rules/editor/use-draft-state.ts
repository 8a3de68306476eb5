"use client";
// The editor's working state: rules in priority order, the default outcome, the change note, and
// field errors that follow their rule when it moves. Editing a field clears that field's errors
// only, so the remaining problems stay visible until the next save.
import { useMemo, useState } from "react";
import type { DefaultOutcome, Rule } from "@/lib/rules";
import { moveRule } from "./rule-list-model";
import {
  blankRule,
  toEditorDefault,
  toEditorRules,
  type EditorDefault,
  type EditorRule,
  type ErrorIndex,
  type FieldErrors,
} from "./draft-model";

const NO_ERRORS: ErrorIndex = { byRule: {}, other: {} };

function without(errors: FieldErrors | undefined, prefix: string | null): FieldErrors | undefined {
  if (!errors || prefix === null) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([p]) => p !== prefix && !p.startsWith(`${prefix}.`)));
}

function snapshotOf(rules: EditorRule[], def: EditorDefault, changeNote: string): string {
  return JSON.stringify({ rules, def, changeNote });
}

export function useDraftState(initial: { rules: readonly Rule[]; defaultOutcome: DefaultOutcome; changeNote: string }) {
  const [rules, setRules] = useState(() => toEditorRules(initial.rules));
  const [def, setDef] = useState(() => toEditorDefault(initial.defaultOutcome));
  const [changeNote, setChangeNote] = useState(initial.changeNote);
  const [errors, setErrors] = useState<ErrorIndex>(NO_ERRORS);
  const [openKeys, setOpenKeys] = useState<ReadonlySet<string>>(new Set());
  const snapshot = useMemo(() => snapshotOf(rules, def, changeNote), [rules, def, changeNote]);
  const [savedSnapshot, setSavedSnapshot] = useState(snapshot);

  const clearRuleErrors = (key: string, prefix: string | null) =>
    setErrors((e) =>
      e.byRule[key] ? { ...e, byRule: { ...e.byRule, [key]: without(e.byRule[key], prefix) ?? {} } } : e,
    );

  const clearOther = (prefix: string) => setErrors((e) => ({ ...e, other: without(e.other, prefix) ?? {} }));

  return {
    rules,
    def,
    changeNote,
    errors,
    openKeys,
    snapshot,
    dirty: snapshot !== savedSnapshot,
    markSaved: setSavedSnapshot,
    setErrors: (next: ErrorIndex) => {
      setErrors(next);
      // open every rule with a problem so its fields (and their messages) are on screen
      setOpenKeys((open) => new Set([...open, ...Object.keys(next.byRule)]));
    },
    clearErrors: () => setErrors(NO_ERRORS),
    toggle: (key: string) =>
      setOpenKeys((open) => {
        const next = new Set(open);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    updateRule: (next: EditorRule, touched: string | null) => {
      setRules((rs) => rs.map((r) => (r.key === next.key ? next : r)));
      clearRuleErrors(next.key, touched);
    },
    /** Moves a rule one place (swapping priorities with its neighbour); returns the list after it. */
    moveRule: (index: number, delta: -1 | 1): EditorRule[] => {
      const next = moveRule(rules, index, delta);
      if (next !== rules) setRules(next);
      return next;
    },
    open: (key: string) => setOpenKeys((open) => (open.has(key) ? open : new Set([...open, key]))),
    deleteRule: (key: string) => {
      setRules((rs) => rs.filter((r) => r.key !== key));
      setErrors((e) => ({ ...e, byRule: Object.fromEntries(Object.entries(e.byRule).filter(([k]) => k !== key)) }));
    },
    addRule: (): EditorRule => {
      const priority = rules.reduce((max, r) => Math.max(max, r.priority), 0) + 10;
      const rule = blankRule(priority);
      setRules((rs) => [...rs, rule]);
      setOpenKeys((open) => new Set([...open, rule.key]));
      return rule;
    },
    setDefault: (patch: Partial<EditorDefault>) => {
      setDef((d) => ({ ...d, ...patch }));
      for (const k of Object.keys(patch)) clearOther(`defaultOutcome.${k}`);
    },
    setChangeNote: (note: string) => {
      setChangeNote(note);
      clearOther("changeNote");
    },
  };
}
