"use client";
// Simulation of a draft over historical deals (docs/domain.md#rules-of-engagement). The API streams NDJSON: a progress
// line after each batch of deals is decided, so even a full history of a million deals shows real
// progress (and can be cancelled: closing the request stops the reading between batches).
import { useEffect, useRef, useState } from "react";
import type { SimulationReport } from "@/lib/db/simulation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDate, formatNumber } from "@/lib/format";
import { SimulationResults } from "./simulation-results";

type Preset = "LAST_QUARTER" | "LAST_4" | "LAST_8" | "CUSTOM";
type Baseline = SimulationReport["baseline"];
type Period = { from: Date; to: Date };
type State =
  | { phase: "idle" }
  | { phase: "running"; loaded: number; total: number | null }
  | { phase: "done"; result: SimulationReport; periodLabel: string }
  | { phase: "error"; message: string };

const PRESETS: { value: Preset; label: string; quarters?: number }[] = [
  { value: "LAST_QUARTER", label: "Last quarter", quarters: 1 },
  { value: "LAST_4", label: "Last 4 quarters", quarters: 4 },
  { value: "LAST_8", label: "Last 8 quarters", quarters: 8 },
  { value: "CUSTOM", label: "Custom" },
];

const BASELINES: { value: Baseline; label: string; hint: string }[] = [
  { value: "CURRENT_RULE_SET", label: "Rule set in force", hint: "Isolates the effect of the rule change." },
  {
    value: "RECORDED_ROUTE",
    label: "Recorded route",
    hint: "Includes overrides, sticky ownership and conflict outcomes.",
  },
];

// Presets are whole calendar quarters in UTC (the quarter in progress is excluded) so two people
// running "last 4 quarters" on the same day compare the same deals.
function presetPeriod(quarters: number, now: Date): Period {
  const to = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  return { from: new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 3 * quarters, 1)), to };
}

/** Custom dates are inclusive days; the API's upper bound is exclusive, hence the extra day. */
function customPeriod(from: string, to: string): Period | string {
  if (!from || !to) return "Enter both dates.";
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return "Use dates like 2026-01-31.";
  if (end < start) return "The end date must not be before the start date.";
  return { from: start, to: new Date(end.getTime() + 86_400_000) };
}

const label = (p: Period) => `${formatDate(p.from)} – ${formatDate(new Date(p.to.getTime() - 86_400_000))}`;

type Line =
  | { type: "progress"; loaded: number; total: number }
  | ({ type: "result" } & SimulationReport)
  | { type: "error"; message: string };

async function readStream(
  body: ReadableStream<Uint8Array>,
  onProgress: (loaded: number, total: number) => void,
): Promise<SimulationReport> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    const lines = buffer.split("\n");
    buffer = done ? "" : (lines.pop() ?? "");
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as Line;
      if (line.type === "progress") onProgress(line.loaded, line.total);
      else if (line.type === "error") throw new Error(line.message);
      else if (line.type === "result") {
        const { type: _type, ...result } = line;
        return result;
      }
    }
    if (done) throw new Error("The simulation stopped before it finished. Try again.");
  }
}

export function SimulationPanel({ ruleSetId }: { ruleSetId: string }) {
  const [now] = useState(() => new Date());
  const [preset, setPreset] = useState<Preset>("LAST_4");
  const [custom, setCustom] = useState({ from: "", to: "" });
  const [baseline, setBaseline] = useState<Baseline>("CURRENT_RULE_SET");
  const [periodError, setPeriodError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ phase: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const quarters = PRESETS.find((p) => p.value === preset)?.quarters;
  const period: Period | string = quarters ? presetPeriod(quarters, now) : customPeriod(custom.from, custom.to);
  const running = state.phase === "running";

  async function run(e: React.FormEvent) {
    e.preventDefault();
    if (typeof period === "string") return setPeriodError(period);
    setPeriodError(null);
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    setState({ phase: "running", loaded: 0, total: null });
    try {
      const res = await fetch(`/api/v1/rulesets/${encodeURIComponent(ruleSetId)}/simulations`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" },
        body: JSON.stringify({ from: period.from.toISOString(), to: period.to.toISOString(), baseline }),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The simulation could not start (HTTP ${res.status}).`);
      }
      const result = await readStream(res.body, (loaded, total) => setState({ phase: "running", loaded, total }));
      setState({ phase: "done", result, periodLabel: label(period) });
    } catch (error) {
      if (abort.signal.aborted) return setState({ phase: "idle" });
      setState({
        phase: "error",
        message: error instanceof Error && error.message ? error.message : "The simulation failed. Try again.",
      });
    }
  }

  return (
    <div className="space-y-6">
      <Card title="Simulate on historical deals">
        <form onSubmit={run} className="space-y-4" noValidate>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Deals created in</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {PRESETS.map((p) => (
                <label
                  key={p.value}
                  className={cn(
                    "cursor-pointer rounded-md px-3 py-1.5 text-sm ring-1 ring-inset",
                    preset === p.value
                      ? "bg-brand-50 text-brand-700 ring-brand-500"
                      : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                  )}
                >
                  <input
                    type="radio"
                    name="preset"
                    value={p.value}
                    checked={preset === p.value}
                    onChange={() => setPreset(p.value)}
                    className="sr-only"
                  />
                  {p.label}
                </label>
              ))}
            </div>
            {preset === "CUSTOM" ? (
              <div className="mt-3 flex flex-wrap items-end gap-3">
                {(["from", "to"] as const).map((k) => (
                  <label key={k} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
                    {k === "from" ? "From" : "To (inclusive)"}
                    <input
                      type="date"
                      value={custom[k]}
                      onChange={(e) => setCustom({ ...custom, [k]: e.target.value })}
                      aria-invalid={periodError ? true : undefined}
                      aria-describedby={periodError ? "sim-period-error" : undefined}
                      className="rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
                    />
                  </label>
                ))}
              </div>
            ) : (
              typeof period !== "string" && (
                <p className="mt-2 text-xs text-slate-500">{label(period)}, whole quarters in UTC.</p>
              )
            )}
            {periodError && (
              <p id="sim-period-error" role="alert" className="mt-2 text-sm text-red-700">
                {periodError}
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Compare with</legend>
            <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
              {BASELINES.map((b) => (
                <label
                  key={b.value}
                  className="flex cursor-pointer items-start gap-2 rounded-md p-2 ring-1 ring-inset ring-slate-200 hover:bg-slate-50"
                >
                  <input
                    type="radio"
                    name="baseline"
                    value={b.value}
                    checked={baseline === b.value}
                    onChange={() => setBaseline(b.value)}
                    className="mt-1"
                  />
                  <span className="text-sm">
                    <span className="block font-medium text-slate-800">{b.label}</span>
                    <span className="block text-xs text-slate-500">{b.hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" disabled={running}>
              {running ? "Simulating…" : "Run simulation"}
            </Button>
            {running && (
              <Button type="button" variant="secondary" onClick={() => abortRef.current?.abort()}>
                Cancel
              </Button>
            )}
          </div>
        </form>
      </Card>
      <div aria-live="polite">
        {state.phase === "running" && <Progress loaded={state.loaded} total={state.total} />}
        {state.phase === "error" && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.message}
          </p>
        )}
        {state.phase === "done" && <SimulationResults result={state.result} periodLabel={state.periodLabel} />}
      </div>
    </div>
  );
}

// Until the total is known the bar is indeterminate (no aria-valuenow), as ARIA prescribes.
function Progress({ loaded, total }: { loaded: number; total: number | null }) {
  const finishing = total !== null && loaded >= total;
  const pct = total ? Math.round((loaded / total) * 100) : 0;
  const text =
    total === null
      ? "Counting deals…"
      : finishing
        ? `All ${formatNumber(total)} deals simulated, preparing the results…`
        : `${formatNumber(loaded)} of ${formatNumber(total)} deals simulated (${pct}%)`;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p id="sim-progress-label" className="mb-2 text-sm text-slate-700">
        {text}
      </p>
      <div
        role="progressbar"
        aria-labelledby="sim-progress-label"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total === null ? undefined : loaded}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn("h-2 rounded-full bg-brand-600 transition-[width]", finishing && "animate-pulse")}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
