import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/architecture.md: lib/conflicts, lib/attribution (and lib/dates, which they use) is pure domain logic: no framework,
// no Prisma, no lib/db, no Node built-ins. Time and settings are arguments.
const DIRS = ["../../../lib/conflicts", "../../../lib/dates", "../../../lib/attribution"].map((d) =>
  path.resolve(__dirname, d),
);
const FORBIDDEN =
  /^(next|react|react-dom|@prisma\/.*|prisma|server-only|node:.*)(\/|$)|^@\/lib\/db(\/|$)|(^|\/)\.\.\/db(\/|$)/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

describe("lib/conflicts purity", () => {
  const files = DIRS.flatMap((dir) => readdirSync(dir).map((f) => path.join(dir, f)));

  it("finds the files", () => expect(files.length).toBeGreaterThanOrEqual(6));

  it.each(files.map((f) => [path.basename(f), f]))("%s imports nothing impure", (_name, file) => {
    const bad = [...readFileSync(file, "utf8").matchAll(SPECIFIER)].map((m) => m[1]).filter((s) => FORBIDDEN.test(s));
    expect(bad).toEqual([]);
  });

  it("the scanner sees a forbidden import", () => {
    expect(FORBIDDEN.test("@/lib/db/client")).toBe(true);
    expect(FORBIDDEN.test("next/server")).toBe(true);
    expect(FORBIDDEN.test("date-fns")).toBe(false);
  });
});
