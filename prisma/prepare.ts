// Creates and migrates the database named by DATABASE_URL, then seeds it:
//   (default)      reference data + the demo company, when the database is new
//   --no-seed-demo reference data only (production: `npm run db:deploy`)
//   --force-seed   demo data even when the database already existed
import { connect } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, providerOf } from "@/lib/db/provider";
import { seedBase, seedDemo } from "./seed";

async function main() {
  const args = new Set(process.argv.slice(2));
  const url = databaseUrl();
  const started = Date.now();
  const { applied, createdDatabase } = await migrate(url);
  console.log(
    `[db] ${providerOf(url)}: ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"} (${Date.now() - started} ms)`,
  );
  const { db } = connect(url);
  try {
    const now = new Date();
    await seedBase(db, { now });
    const empty = (await db.user.count()) === 0;
    if (!args.has("--no-seed-demo") && (args.has("--force-seed") || createdDatabase || empty)) {
      const t = Date.now();
      await seedDemo(db, { now });
      console.log(`[db] demo data seeded (${Date.now() - t} ms)`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("[db] preparing the database failed:", error);
  process.exit(1);
});
