"use client";
// Lint before publish (docs/domain.md#rules-of-engagement): contradictions and unreachable rules block publishing, overlaps
// warn, gaps inform. It lints the editor's unsaved state, so problems show up while editing.
import { useCallback, useRef, useState } from "react";
import type { LintFinding, LintReport, Rule, DefaultOutcome } from "@/lib/rules";
import { lintDraftAction } from "@/lib/actions/rule-sets";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { humanize } from "@/lib/format";
import { factEntries } from "./condition-text";

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

const GROUPS = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "For information" },
] as const;

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
  const example = finding.example ? factEntries(finding.example as Record<string, unknown>) : [];
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={sev.tone}>{sev.label}</Badge>
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{humanize(finding.kind)}</span>
      </p>
      <p className="mt-1.5 text-sm text-slate-800">{finding.message}</p>
      {finding.ruleIds.length > 0 && (
        <p className="mt-1.5 text-xs text-slate-600">
          Rules:{" "}
          {finding.ruleIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <a href={`#rule-${id}`} className="text-brand-700 hover:underline">
                {ruleLabel(id) ?? id}
              </a>
            </span>
          ))}
        </p>
      )}
      {example.length > 0 ? (
        <div className="mt-2 rounded bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
          <span className="font-medium">Example deal: </span>
          {example.map(([k, v], i) => (
            <span key={k}>
              {i > 0 && " · "}
              {k} <strong className="font-medium">{v}</strong>
            </span>
          ))}
        </div>
      ) : finding.example ? (
        <p className="mt-2 text-xs text-slate-600">Example deal: any deal (no facts needed).</p>
      ) : null}
    </li>
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
              : "Check for unreachable, contradictory and overlapping rules, and for deals that fall to the default. Lint also runs after every save."}
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
              GROUPS.map(({ severity, title }) => {
                const findings = report.findings.filter((f) => f.severity === severity);
                if (findings.length === 0) return null;
                // errors are what must be fixed: always open; long lists of warnings start folded
                const open =
                  severity === "error" || (severity === "warning" && report.errors === 0 && findings.length <= 5);
                return (
                  <details key={severity} open={open} className="group">
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">
                      {title} ({findings.length})
                    </summary>
                    <ul className="mt-2 max-h-[60vh] space-y-2 overflow-y-auto pr-1">
                      {findings.map((f, i) => (
                        <Finding key={`${f.kind}-${i}`} finding={f} ruleLabel={ruleLabel} />
                      ))}
                    </ul>
                  </details>
                );
              })
            )}
          </>
        )}
      </div>
    </Card>
  );
}
