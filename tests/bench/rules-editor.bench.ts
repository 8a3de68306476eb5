// Rule editor benchmark (not part of the test suite): npm run bench:rules-editor
//
// Opens a 1,000-rule draft in the editor in Chromium and measures what a person feels: the time
// until the editor answers (hydrated), the DOM it holds, a keystroke in the rule search (input to
// the next frame) and until the list shows the result, opening a rule, and a keyboard move
// (Alt+↓) until it is announced. The same run measures the 9-rule draft a new install starts from,
// as the baseline. Needs a production build (`npm run build`); starts `next start` on a fresh
// SQLite file (data/bench-editor.db). Figures are reported, never enforced.
//
// Environment: BENCH_RUNS (3) page loads per draft, BENCH_PORT (a free one), CHROMIUM_PATH.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { root } from "../../lib/cli/paths.mjs";
import { fillDraftRules } from "../factories/scale-rules";
import { fmt, table } from "./rules/harness";
import { freePort, startServer, type Server } from "./registrations/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DB_FILE = path.join(root, "data/bench-editor.db");

type Sample = {
  interactive: number;
  loaded: number;
  nodes: number;
  rows: number;
  heapMb: number;
  keyFrame: number[];
  searchDone: number;
  open: number;
  move: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
};
const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : "—");

async function newDraft(page: Page): Promise<string> {
  await page.goto("/rules");
  await page.getByRole("button", { name: "New draft" }).first().click();
  await page.waitForURL(/\/rules\/[^/?]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** One cold-ish load of the editor (new page, warm server) and the interactions on it. */
async function measure(page: Page, id: string, expectCount: number, search: string): Promise<Sample> {
  await page.goto(`/rules/${id}`, { waitUntil: "commit" });
  // hydrated: React has attached to the search box (its fiber key is on the element)
  const box = page.getByLabel("Search rule names");
  await box.waitFor();
  await page.waitForFunction(
    () => {
      const el = document.querySelector('input[type="search"][placeholder="e.g. EMEA"]');
      return !!el && Object.keys(el).some((k) => k.startsWith("__reactFiber"));
    },
    undefined,
    { polling: "raf", timeout: 120_000 },
  );
  const interactive = await page.evaluate(() => performance.now());
  await page.waitForLoadState("load");
  const loaded = await page.evaluate(
    () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  const dom = await page.evaluate(() => ({
    nodes: document.getElementsByTagName("*").length,
    rows: document.querySelectorAll('li[id^="rule-"]').length,
    heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  }));

  // each keystroke: keydown → the frame after React handled it (what typing feels like)
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
  });
  await box.click();
  const t0 = Date.now();
  await page.keyboard.type(search);
  await page.getByText(`Showing 1 of ${expectCount.toLocaleString("en-US")} rules.`).waitFor();
  const searchDone = Date.now() - t0;
  const keyFrame = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await page.getByText(new RegExp(`^${expectCount.toLocaleString("en-US")} rules\\.`)).waitFor();

  // open the first rule's form
  const first = page.locator('li[id^="rule-"]').first();
  const t1 = Date.now();
  await first.getByRole("button", { name: "Edit" }).click();
  await first.getByLabel("Name", { exact: true }).waitFor();
  const open = Date.now() - t1;

  // move it down with the keyboard until the move is announced
  await first.focus();
  const t2 = Date.now();
  await page.keyboard.press("Alt+ArrowDown");
  await page.getByText(/moved to priority/).waitFor({ state: "attached" });
  const move = Date.now() - t2;

  return {
    interactive,
    loaded,
    nodes: dom.nodes,
    rows: dom.rows,
    heapMb: dom.heap / 1e6,
    keyFrame,
    searchDone,
    open,
    move,
  };
}

async function main() {
  rmSync(DB_FILE, { force: true });
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  let server: Server | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-quic"],
  });
  try {
    console.log(
      `Accord rule editor benchmark — node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );
    server = await startServer({ dbFile: DB_FILE, port });
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill("ops@accord.test");
    await page.getByLabel("Password").fill("accord-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));

    const drafts = [
      // the same number of keystrokes in both searches, each narrowing to one rule
      { label: "baseline: 9 rules (new draft)", id: await newDraft(page), count: 9, search: "under $2" },
      { label: "1,000 rules", id: await newDraft(page), count: 1_000, search: "rule 735" },
    ];
    fillDraftRules(DB_FILE, drafts[1].id, 1_000);

    const rows: string[][] = [];
    for (const d of drafts) {
      await measure(await context.newPage(), d.id, d.count, d.search); // warm the server's caches
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const p = await context.newPage();
        samples.push(await measure(p, d.id, d.count, d.search));
        await p.close();
      }
      const keys = samples.flatMap((s) => s.keyFrame);
      const pick = (f: (s: Sample) => number) => median(samples.map(f));
      rows.push([
        d.label,
        ms(pick((s) => s.interactive)),
        ms(pick((s) => s.loaded)),
        fmt.int(pick((s) => s.rows)),
        fmt.int(pick((s) => s.nodes)),
        `${pick((s) => s.heapMb).toFixed(1)} MB`,
        `${ms(median(keys))} / ${ms(Math.max(...keys))}`,
        ms(pick((s) => s.searchDone)),
        ms(pick((s) => s.open)),
        ms(pick((s) => s.move)),
      ]);
    }
    console.log(`\nMedians of ${RUNS} loads per draft (Chromium, 1440×900):\n`);
    console.log(
      table(
        [
          "draft",
          "interactive",
          "load event",
          "rule rows in DOM",
          "DOM elements",
          "JS heap",
          "keystroke → frame (median / max)",
          "typing 8 keys → 1 row",
          "open a rule",
          "Alt+↓ → announced",
        ],
        rows,
      ),
    );
  } finally {
    await browser.close();
    await server?.stop();
    rmSync(DB_FILE, { force: true });
    for (const ext of ["-wal", "-shm"]) rmSync(DB_FILE + ext, { force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
