// Vitest global setup for integration tests: migrate and seed one template database.
import { mkdirSync, rmSync } from "node:fs";
import { connect } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { seedBase, seedDemo } from "@/prisma/seed";
import { adminQuery, FIXED_NOW, serverUrl, sqliteDir, sqliteTemplate, TEMPLATE_NAME, testTarget } from "./test-db";

export default async function setup() {
  const started = Date.now();
  let url: string;
  if (testTarget() === "postgresql") {
    await adminQuery(`DROP DATABASE IF EXISTS "${TEMPLATE_NAME}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${TEMPLATE_NAME}"`);
    url = serverUrl(TEMPLATE_NAME);
  } else {
    mkdirSync(sqliteDir, { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) rmSync(sqliteTemplate + suffix, { force: true });
    url = `file:${sqliteTemplate}`;
  }
  await migrate(url);
  const { db } = connect(url);
  await seedBase(db, { now: FIXED_NOW });
  await seedDemo(db, { now: FIXED_NOW });
  if (testTarget() === "sqlite") await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  console.log(`[tests] ${testTarget()} template seeded in ${Date.now() - started} ms`);
}
