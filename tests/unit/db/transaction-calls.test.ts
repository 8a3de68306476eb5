// Regression: write transactions called `db.$transaction` directly and so were never run again on
// contention (a busy SQLite file, a PostgreSQL serialization failure or deadlock answered 500).
// Every transaction in lib/, prisma/ and app/ goes through lib/db/transaction.ts, which retries.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const ALLOWED = new Set(["lib/db/transaction.ts"]);
const SKIP = new Set(["generated", "node_modules"]);
// a call, not the word in a comment or a type: `.$transaction(`
const CALL = /\.\$transaction\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe("transactions go through lib/db/transaction.ts", () => {
  const files = ["lib", "prisma", "app"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .map((f) => path.relative(ROOT, f));

  it("finds the sources", () => {
    expect(files).toContain("lib/db/registration-lifecycle.ts");
  });

  it("no other file calls $transaction", () => {
    const offenders = files.filter((f) => !ALLOWED.has(f) && CALL.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("recognises a call (guards the scanner itself)", () => {
    expect(CALL.test("return db.$transaction(async (tx) => {")).toBe(true);
    expect(CALL.test("await this.db.$transaction (fn)")).toBe(true);
    expect(CALL.test('export type Tx = Omit<Db, "$transaction">;')).toBe(false);
  });
});
