"use client";
// Lint before publish, ranked by consequence (docs/domain.md#lint): errors block publishing, warnings are outcomes
// nobody meant to change (a new gap, a rule that never fires), overlaps that priority resolves stay folded as
// information. It lints the editor's unsaved state against the rule set in force, so problems show while editing.
// Rule links are `#rule-<id>`: the editor keeps that anchor on each rule (and brings the rule into view for it).
import { useCallback, useRef, useState } from "react";
import type { LintFinding, LintReport, Rule, DefaultOutcome } from "@/lib/rules";
import { lintDraftAction } from "@/lib/actions/rule-sets";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { exampleDealText } from "./example-deal";

export type LintState = {
  pending: boolean;
  report: LintReport | null;
  error: string | null;
  fieldErrors: Record<string, string[]> | null;
};

/** Runs lint for a draft; a late answer to an older request never overwrites a newer one. */
export function useDraftLint(ruleSetId: string) {
  const [state, setState] = useState<LintState>({ pending: false, report: null, error: null, fieldErrors: null });
  const latest = useRef(0);
  const run = useCallback(
    async (draft: { rules: Rule[]; defaultOutcome: DefaultOutcome }) => {
      const request = ++latest.current;
      setState((s) => ({ ...s, pending: true, error: null }));
      const res = await lintDraftAction({ id: ruleSetId, rules: draft.rules, defaultOutcome: draft.defaultOutcome });
      if (request !== latest.current) return res;
      setState(
        res.ok
          ? { pending: false, report: res.data, error: null, fieldErrors: null }
          : { pending: false, report: null, error: res.message, fieldErrors: res.fieldErrors ?? null },
      );
      return res;
    },
    [ruleSetId],
  );
  const fail = useCallback((error: string) => setState({ pending: false, report: null, error, fieldErrors: null }), []);
  return { lint: state, runLint: run, failLint: fail };
}

const SEVERITY: Record<LintFinding["severity"], { tone: Tone; label: string }> = {
  error: { tone: "red", label: "Error" },
  warning: { tone: "amber", label: "Warning" },
  info: { tone: "blue", label: "Info" },
};

function kindLabel(f: LintFinding): string {
  switch (f.kind) {
    case "GAP":
      return f.severity === "warning" ? "Now falls to the default" : "Falls to the default";
    case "SHADOWED":
      return "Never fires";
    case "OVERLAP":
      return "Overlap resolved by priority";
    case "CONTRADICTION":
      return "Contradiction";
  }
}

/**
 * The rule cards' badges: only the rule an error or warning is about (its first rule), never the rules it merely
 * involves and never information, so an overlap resolved by priority badges nothing.
 */
export function lintBadges(report: LintReport | null): Record<string, "error" | "warning"> {
  const marks: Record<string, "error" | "warning"> = {};
  for (const f of report?.findings ?? []) {
    const subject = f.ruleIds[0];
    if (f.severity === "info" || !subject) continue;
    if (marks[subject] !== "error") marks[subject] = f.severity;
  }
  return marks;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function LintVerdict({ report }: { report: LintReport }) {
  return report.publishable ? (
    <p className="text-sm font-medium text-emerald-700">
      Publishable
      {report.warnings + report.infos > 0 && (
        <span className="font-normal text-slate-600">
          {" "}
          · {plural(report.warnings, "warning")}, {report.infos} for information
        </span>
      )}
    </p>
  ) : (
    <p className="text-sm font-medium text-red-700">
      {plural(report.errors, "error")} block{report.errors === 1 ? "s" : ""} publishing
    </p>
  );
}

function Finding({ finding, ruleLabel }: { finding: LintFinding; ruleLabel: (id: string) => string | undefined }) {
  const sev = SEVERITY[finding.severity];
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={sev.tone}>{sev.label}</Badge>
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{kindLabel(finding)}</span>
      </p>
      <p className="mt-1.5 text-sm text-slate-800">{finding.message}</p>
      {finding.example && (
        <p className="mt-2 rounded bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
          <span className="font-medium">Example: </span>
          {Object.keys(finding.example).length > 0 ? exampleDealText(finding.example) : "any deal"}.
        </p>
      )}
      {finding.ruleIds.length > 0 && (
        <p className="mt-1.5 text-xs text-slate-600">
          Go to{" "}
          {finding.ruleIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <a href={`#rule-${id}`} className="text-brand-700 hover:underline">
                {ruleLabel(id) ?? "a rule no longer in the draft"}
              </a>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

function FindingGroup({
  title,
  findings,
  open,
  ruleLabel,
}: {
  title: string;
  findings: LintFinding[];
  open: boolean;
  ruleLabel: (id: string) => string | undefined;
}) {
  if (findings.length === 0) return null;
  return (
    <details open={open} className="group">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{title}</summary>
      <ul className="mt-2 max-h-[60vh] space-y-2 overflow-y-auto pr-1">
        {findings.map((f, i) => (
          <Finding key={`${f.kind}-${i}`} finding={f} ruleLabel={ruleLabel} />
        ))}
      </ul>
    </details>
  );
}

export function LintPanel({
  lint,
  stale,
  onRun,
  ruleLabel,
  disabled,
}: {
  lint: LintState;
  stale: boolean;
  onRun: () => void;
  ruleLabel: (id: string) => string | undefined;
  disabled?: boolean;
}) {
  const { report } = lint;
  return (
    <Card
      title="Lint"
      action={
        <Button
          type="button"
          variant="secondary"
          className="px-2.5 py-1"
          onClick={onRun}
          disabled={lint.pending || disabled}
        >
          {lint.pending ? "Linting…" : "Run lint"}
        </Button>
      }
    >
      <div aria-live="polite" className="space-y-3">
        {lint.error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {lint.error}
          </p>
        )}
        {!report && !lint.error && (
          <p className="text-sm text-slate-600">
            {lint.pending
              ? "Checking the rules…"
              : "Check for contradictory rules, rules that never fire and deals that now fall to the default, " +
                "compared with the rules in force. Lint also runs after every save."}
          </p>
        )}
        {report && (
          <>
            <LintVerdict report={report} />
            {stale && (
              <p className="text-xs text-amber-700">You have edited the rules since this lint ran: run it again.</p>
            )}
            {!report.complete && (
              <p className="text-xs text-slate-600">
                Lint stopped early on a large search: the findings listed are real, but there may be more.
              </p>
            )}
            {report.findings.length === 0 ? (
              <p className="text-sm text-slate-600">No findings.</p>
            ) : (
              <Groups report={report} ruleLabel={ruleLabel} />
            )}
          </>
        )}
      </div>
    </Card>
  );
}

function Groups({ report, ruleLabel }: { report: LintReport; ruleLabel: (id: string) => string | undefined }) {
  const of = (severity: LintFinding["severity"]) => report.findings.filter((f) => f.severity === severity);
  const infos = of("info");
  const overlaps = infos.filter((f) => f.kind === "OVERLAP");
  const listed = overlaps.filter((f) => f.ruleIds.length > 0).length;
  return (
    <>
      <FindingGroup title={`Errors (${report.errors})`} findings={of("error")} open ruleLabel={ruleLabel} />
      <FindingGroup title={`Warnings (${report.warnings})`} findings={of("warning")} open ruleLabel={ruleLabel} />
      <FindingGroup
        title={`${plural(listed, "overlap")} resolved by priority${listed < overlaps.length ? " (and more)" : ""}`}
        findings={overlaps}
        open={false}
        ruleLabel={ruleLabel}
      />
      <FindingGroup
        title={`For information (${infos.length - overlaps.length})`}
        findings={infos.filter((f) => f.kind !== "OVERLAP")}
        open={false}
        ruleLabel={ruleLabel}
      />
    </>
  );
}
