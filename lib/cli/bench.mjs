#!/usr/bin/env node
// `npm run bench`: every benchmark under tests/bench (never part of `npm test`). Each prints its
// own figures beside a baseline measured in the same run.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { bin, root } from "./paths.mjs";

const only = process.argv[2];
const benches = readdirSync(path.join(root, "tests/bench")).filter(
  (f) => f.endsWith(".bench.ts") && (!only || f.startsWith(only)),
);
let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file} ━━`);
  const res = spawnSync(process.execPath, [bin.tsx, path.join("tests/bench", file)], { cwd: root, stdio: "inherit" });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
