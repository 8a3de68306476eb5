// Runs before each integration test file: give the file its own database (cloned from the seeded
// template) before any module reads DATABASE_URL, and drop it afterwards.
import { afterAll, expect } from "vitest";
import { cloneTemplate } from "./test-db";

const label = (expect.getState().testPath ?? "file")
  .split("/")
  .pop()!
  .replace(/\.test\.ts$/, "");
const database = await cloneTemplate(label);
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ||= "test-secret-not-for-production";

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});
