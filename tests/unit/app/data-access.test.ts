import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/architecture.md: pages and route handlers under app/ read and write through lib/db's access
// functions, which check the caller and scope every query; none of them holds the database client.
const APP = path.resolve(__dirname, "../../../app");
const CLIENT = /(?:\bfrom\s*|\bimport\s*\(\s*)["']@\/lib\/db\/client["']/;

describe("app/ goes through the data-access layer", () => {
  const files = (readdirSync(APP, { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(APP, f));

  it("finds the pages", () => expect(files.length).toBeGreaterThan(50));

  it("no page or route imports the database client", () => {
    expect(files.filter((f) => CLIENT.test(readFileSync(f, "utf8"))).map((f) => path.relative(APP, f))).toEqual([]);
  });

  it("the scanner sees a direct import", () => {
    expect(CLIENT.test(`import { db } from "@/lib/db/client";`)).toBe(true);
    expect(CLIENT.test(`import { listTierProposals } from "@/lib/db/tier-proposals";`)).toBe(false);
  });
});
