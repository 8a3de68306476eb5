// Rules engine benchmark (not part of the test suite): npx tsx tests/bench/rules.bench.ts
//
// Races the compiled evaluator against the reference interpreter, a naive loop of closures,
// json-rules-engine and (on the default rule set) a hand-written function, on 100,000 generated
// deals, all in one run on one core. json-rules-engine is ~10,000× slower, so it runs on the first
// 2,000 deals only (its `maxDeals`; BENCH_ENGINE_DEALS to change). Every implementation's answer
// for every deal it ran is checked against the compiled evaluator's; any disagreement exits non-zero. Targets (the
// brief for lib/rules/compile.ts) are reported, not enforced.
import os from "node:os";
import { compileRuleSet } from "@/lib/rules/compile";
import { DEFAULT_RULE_SET } from "@/lib/rules/default-rule-set";
import { interpret } from "@/lib/rules/interpret";
import type { RuleSet } from "@/lib/rules/types";
import { makeDeals, makeRuleSet } from "./rules/generate";
import { fmt, percentile, run, table } from "./rules/harness";
import { IMPLEMENTATIONS } from "./rules/implementations";

// BENCH_DEALS=2000 for a quick smoke run; the targets are meant for the full 100,000.
const DEAL_COUNT = Number(process.env.BENCH_DEALS ?? 100_000);
const EXPLAIN_SAMPLES = 5_000;

const deals = makeDeals(DEAL_COUNT, 20260301);
const ruleSets: { label: string; set: RuleSet }[] = [
  { label: "default rule set", set: DEFAULT_RULE_SET },
  { label: "50 rules", set: makeRuleSet(50, 50) },
  { label: "1,000 rules", set: makeRuleSet(1_000, 1_000) },
  { label: "10,000 rules", set: makeRuleSet(10_000, 10_000) },
];

const rate = new Map<string, number>(); // `${label}/${implementation}` → decisions/s
const rows: string[][] = [];
const profile: string[][] = [];
let disagreements = 0;

console.log(`Accord rules benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}, single thread`);
console.log(
  `${fmt.int(DEAL_COUNT)} deals (seeded); rule sets: ${ruleSets.map((r) => `${r.label} (${r.set.rules.length})`).join(", ")}\n`,
);

for (const { label, set } of ruleSets) {
  const t0 = performance.now();
  const compiled = compileRuleSet(set);
  const compileMs = performance.now() - t0;
  const positions = deals
    .map((d) => compiled.winnerIndex(d))
    .map((i) => (i < 0 ? set.rules.length : i))
    .sort((a, b) => a - b);
  const defaults = positions.filter((p) => p === set.rules.length).length;
  profile.push([
    label,
    String(set.rules.length),
    `${compileMs.toFixed(1)} ms`,
    fmt.int(percentile(positions, 50) + 1),
    fmt.int(percentile(positions, 90) + 1),
    `${((100 * defaults) / deals.length).toFixed(1)}%`,
  ]);

  let reference: (string | null)[] = [];
  for (const impl of IMPLEMENTATIONS) {
    if (impl.appliesTo && !impl.appliesTo(set)) continue;
    const result = await run(impl, impl.prepare(set), deals);
    if (impl.name === "compiled") reference = result.answers;
    const wrong = result.answers.flatMap((id, i) => (id === reference[i] ? [] : [i]));
    for (const i of wrong.slice(0, 3)) {
      console.error(
        `DISAGREEMENT ${label} / ${impl.name}: deal ${i} → ${result.answers[i]}, compiled → ${reference[i]}\n  ${JSON.stringify(deals[i])}`,
      );
    }
    disagreements += wrong.length;
    rate.set(`${label}/${impl.name}`, result.decisionsPerSecond);
    const compiledRate = rate.get(`${label}/compiled`)!;
    rows.push([
      label,
      impl.name,
      fmt.int(result.answers.length),
      fmt.int(result.decisionsPerSecond),
      impl.name === "compiled" ? "1×" : fmt.x(compiledRate / result.decisionsPerSecond),
      wrong.length ? `${fmt.int(wrong.length)} WRONG` : "all ✓",
    ]);
    const capped = result.answers.length < deals.length ? ` (first ${fmt.int(result.answers.length)} deals)` : "";
    console.log(
      `  ${label.padEnd(14)} ${impl.name.padEnd(20)} ${fmt.int(result.decisionsPerSecond).padStart(12)}/s${capped}`,
    );
  }
}

// Explanation latency: the lazily built first-match trace at 1,000 rules.
const thousand = ruleSets[2].set;
const compiled = compileRuleSet(thousand);
for (const facts of deals.slice(0, 200)) {
  if (JSON.stringify(compiled.explain(facts)) !== JSON.stringify(interpret(thousand, facts))) {
    console.error("DISAGREEMENT: compiled explanation differs from the interpreter's trace");
    disagreements++;
    break;
  }
}
for (const facts of deals.slice(0, 1_000)) compiled.explain(facts); // warm-up
const latencies: number[] = [];
for (let i = 0; i < EXPLAIN_SAMPLES; i++) {
  const facts = deals[(1_000 + i) % deals.length];
  const start = performance.now();
  compiled.explain(facts);
  latencies.push(performance.now() - start);
}
latencies.sort((a, b) => a - b);
const explainMean = latencies.reduce((a, b) => a + b, 0) / latencies.length;

console.log("\nRule sets (winning position = how deep a deal goes before a rule applies):");
console.log(table(["rule set", "rules", "compile", "median pos", "p90 pos", "to default"], profile));
console.log("\nDecisions per second (× = how many times faster the compiled evaluator is):");
console.log(table(["rule set", "implementation", "deals", "decisions/s", "compiled is", "same rule"], rows));
for (const impl of IMPLEMENTATIONS) console.log(`  ${impl.name}: ${impl.note}`);
console.log(
  `\nExplanation at 1,000 rules (compiled.explain, ${fmt.int(EXPLAIN_SAMPLES)} deals): mean ${fmt.us(explainMean)}, ` +
    `p50 ${fmt.us(percentile(latencies, 50))}, p90 ${fmt.us(percentile(latencies, 90))}, p99 ${fmt.us(percentile(latencies, 99))}`,
);

const r = (label: string, name: string) => rate.get(`${label}/${name}`)!;
const targets: [string, boolean, string][] = [
  [
    "≥ 1,000,000 decisions/s at 1,000 rules",
    r("1,000 rules", "compiled") >= 1e6,
    `${fmt.int(r("1,000 rules", "compiled"))}/s`,
  ],
  [
    "≥ 300,000 decisions/s at 10,000 rules",
    r("10,000 rules", "compiled") >= 3e5,
    `${fmt.int(r("10,000 rules", "compiled"))}/s`,
  ],
  [
    "≥ 10× naive closures at 1,000 rules",
    r("1,000 rules", "compiled") >= 10 * r("1,000 rules", "naive closures"),
    fmt.x(r("1,000 rules", "compiled") / r("1,000 rules", "naive closures")),
  ],
  [
    "within 2× of hand-written on the default set",
    r("default rule set", "hand-written") <= 2 * r("default rule set", "compiled"),
    `hand-written is ${fmt.x(r("default rule set", "hand-written") / r("default rule set", "compiled"))} the compiled speed`,
  ],
  ["explanation < 50 µs at 1,000 rules (mean)", explainMean < 0.05, fmt.us(explainMean)],
];
console.log("\nTargets:");
for (const [name, met, value] of targets) console.log(`  ${met ? "✓ met   " : "✗ MISSED"}  ${name}: ${value}`);

if (disagreements > 0) {
  console.error(`\n${disagreements} disagreement(s) between implementations`);
  process.exit(1);
}
const cappedNote = IMPLEMENTATIONS.filter((impl) => impl.maxDeals !== undefined && impl.maxDeals < DEAL_COUNT)
  .map((impl) => ` (${impl.name}: the first ${fmt.int(impl.maxDeals!)})`)
  .join("");
console.log(
  `\nAll implementations pick the same rule for all ${fmt.int(DEAL_COUNT)} deals of every rule set${cappedNote}.`,
);
