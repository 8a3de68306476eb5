// The jobs in lib/jobs walk and count; their queries and writes are lib/db functions
// (docs/architecture.md). Regression: the registration and outbox jobs and the scheduler queried
// Prisma themselves, so status changes were written a third way beside lib/db.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(__dirname, "../../../lib/jobs");
// a model query on a client or transaction (`db.dealRegistration.findMany(`), or Prisma's types
const QUERY = /\b(?:db|tx|client|prisma)\.[a-z]\w*\.\w+\s*\(|generated\/(?:sqlite|postgres)|\$queryRaw|\$executeRaw/;

describe("lib/jobs calls lib/db only", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  it("finds the jobs", () => {
    expect(files).toEqual(expect.arrayContaining(["registration-jobs.ts", "outbox-jobs.ts", "runner.ts"]));
  });

  it("no job queries the database itself", () => {
    expect(files.filter((f) => QUERY.test(readFileSync(path.join(DIR, f), "utf8")))).toEqual([]);
  });

  it.each([
    ["await db.dealRegistration.findMany({ where })", true],
    ["await tx.outbox.updateMany({ where: mine })", true],
    ['import type { Prisma } from "@/lib/db/generated/sqlite/client";', true],
    ["await db.$queryRaw`SELECT 1`", true],
    ["await protectionEnded(db, now, BATCH)", false],
    [".finally(() => db.$disconnect())", false],
  ])("the scanner reads %s as a query: %s", (line, query) => {
    expect(QUERY.test(line)).toBe(query);
  });
});
