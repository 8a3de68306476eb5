import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/architecture.md: lib/rules is the pure routing engine. It must not import a framework, the database
// client or Node built-ins, so that it runs anywhere (server, browser preview, workers) and
// stays testable without infrastructure.
const RULES_DIR = path.resolve(__dirname, "../../../lib/rules");

const FORBIDDEN: [RegExp, string][] = [
  [/^next(\/|$)/, "next"],
  [/^react(-dom)?(\/|$)/, "react"],
  [/^@prisma\//, "@prisma/*"],
  [/^prisma(\/|$)/, "prisma"],
  [/^@\/lib\/db(\/|$)/, "@/lib/db"],
  [/(^|\/)\.\.\/db(\/|$)/, "../db"],
  [/^node:/, "node: built-in"],
  [
    /^(fs|path|os|crypto|child_process|http|https|net|url|util|stream|worker_threads|server-only)(\/|$)/,
    "node built-in / server-only",
  ],
];

// import … from "x", import "x", export … from "x", import("x"), require("x")
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

function forbiddenImports(source: string): string[] {
  const found: string[] = [];
  for (const [, specifier] of source.matchAll(SPECIFIER)) {
    const rule = FORBIDDEN.find(([pattern]) => pattern.test(specifier));
    if (rule) found.push(`${specifier} (${rule[1]})`);
  }
  return found;
}

describe("lib/rules purity", () => {
  const files = sourceFiles(RULES_DIR);

  it("finds the engine's files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(RULES_DIR, f), f]))("%s imports nothing impure", (_name, file) => {
    expect(forbiddenImports(readFileSync(file, "utf8"))).toEqual([]);
  });

  it("recognises every forbidden form (guards the scanner itself)", () => {
    const sample = [
      'import { NextResponse } from "next/server";',
      'import React from "react";',
      'import { PrismaClient } from "@prisma/client";',
      'import type { Prisma } from "prisma";',
      'import { db } from "@/lib/db/client";',
      'export { getRuleSet } from "../db/rule-sets";',
      'import fs from "node:fs";',
      'const p = require("path");',
      'const m = await import("next/headers");',
      'import "server-only";',
    ].join("\n");
    expect(forbiddenImports(sample)).toHaveLength(10);
    expect(forbiddenImports('import { z } from "zod";\nimport { x } from "./cells";')).toEqual([]);
  });
});
