// Timing and agreement checks for the rules benchmark. Single-threaded by construction: every
// measurement runs on the main thread, one implementation at a time.
import type { Facts } from "@/lib/rules/types";
import type { Evaluate, EvaluateAsync, Implementation } from "./implementations";

export interface Run {
  /** The winning rule id (null = default) for every deal it ran: all of them, or the first `maxDeals`. */
  answers: (string | null)[];
  decisionsPerSecond: number;
}

const now = () => performance.now();

/** Every deal's answer, in order, for the agreement check. */
async function answerAll(evaluate: Evaluate | EvaluateAsync, isAsync: boolean, deals: readonly Facts[]) {
  const answers: (string | null)[] = new Array(deals.length);
  for (let i = 0; i < deals.length; i++) {
    answers[i] = isAsync ? await (evaluate as EvaluateAsync)(deals[i]) : (evaluate as Evaluate)(deals[i]);
  }
  return answers;
}

const BATCH = 1024;

/** Decisions per second over at least `minMs`, cycling through the deals. */
function throughput(evaluate: Evaluate, deals: readonly Facts[], minMs: number): number {
  let sink = 0;
  let i = 0;
  let count = 0;
  const start = now();
  do {
    for (let k = 0; k < BATCH; k++) {
      const id = evaluate(deals[i]);
      sink += id === null ? 1 : id.length; // keeps the work observable
      if (++i === deals.length) i = 0;
    }
    count += BATCH;
  } while (now() - start < minMs);
  if (sink < 0) console.log(sink);
  return (count / (now() - start)) * 1000;
}

async function throughputAsync(evaluate: EvaluateAsync, deals: readonly Facts[], minMs: number): Promise<number> {
  let i = 0;
  let count = 0;
  const start = now();
  do {
    for (let k = 0; k < BATCH; k++) {
      await evaluate(deals[i]);
      if (++i === deals.length) i = 0;
    }
    count += BATCH;
  } while (now() - start < minMs);
  return (count / (now() - start)) * 1000;
}

export async function run(
  impl: Implementation,
  evaluate: Evaluate | EvaluateAsync,
  allDeals: readonly Facts[],
): Promise<Run> {
  const isAsync = impl.async ?? false;
  // A capped implementation answers (and is timed and checked on) the first `maxDeals` deals only.
  const deals =
    impl.maxDeals !== undefined && impl.maxDeals < allDeals.length ? allDeals.slice(0, impl.maxDeals) : allDeals;
  // Every implementation answers every deal. For fast ones this pass is also the JIT warm-up and
  // a separate timed run follows; a slow one's pass takes many seconds, so it is its own measurement.
  const start = now();
  const answers = await answerAll(evaluate, isAsync, deals);
  const passMs = now() - start;
  let decisionsPerSecond: number;
  if (impl.slow) decisionsPerSecond = (deals.length / passMs) * 1000;
  else if (isAsync) decisionsPerSecond = await throughputAsync(evaluate as EvaluateAsync, deals, 1_500);
  else decisionsPerSecond = throughput(evaluate as Evaluate, deals, 1_500);
  return { answers, decisionsPerSecond };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString("en-US"),
  x: (n: number) => `${n >= 100 ? Math.round(n) : n.toFixed(n >= 10 ? 1 : 2)}×`,
  us: (ms: number) => `${(ms * 1000).toFixed(1)} µs`,
};

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
