// CLI: migrate DATABASE_URL (default file:./data/accord.db) and seed the reference data and the
// demo company.   npx tsx prisma/seed/run.ts [--base-only]
import { connect } from "../../lib/db/connect";
import { migrate } from "../../lib/db/migrate";
import { databaseUrl } from "../../lib/db/provider";
import { seedBase } from "./base";
import { seedDemo } from "./demo";

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

async function main(): Promise<void> {
  const url = databaseUrl();
  const baseOnly = process.argv.includes("--base-only");
  const now = new Date();
  await timed("migrate", () => migrate(url));
  const { db, provider } = connect(url);
  try {
    const base = await timed("seed base", () => seedBase(db, { now }));
    console.log(`  ${provider}: added ${JSON.stringify(base)}`);
    if (baseOnly) return;
    const demo = await timed("seed demo", () => seedDemo(db, { now }));
    if (demo.skipped) console.log("  demo data already loaded: skipped");
    else {
      console.log(`  plan ${demo.timings.planMs} ms, write ${demo.timings.writeMs} ms`);
      console.log(`  rows ${JSON.stringify(demo.counts)}`);
      console.log(`  write ms by table ${JSON.stringify(demo.timings.tables)}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
