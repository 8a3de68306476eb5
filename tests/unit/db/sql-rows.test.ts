// The plain-SQL path (lib/db/sql.ts) is typed from prisma/schema.prisma (lib/db/sql-rows.ts): a
// misspelt or renamed column, a value of the wrong type, a missing NOT NULL column or an unknown
// table must not compile. Each such line below is marked @ts-expect-error, so the compiler reports
// it (TS2578) the day it starts compiling. The test compiles this file with the project's
// tsconfig.json and expects no diagnostics; `tsc --noEmit` and `next build` check it as well.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { json, type Selected, type Sql } from "@/lib/db/sql";

// Compiled, never called.
export async function typeChecks(s: Sql) {
  const at = new Date();
  // the rows that compile: every NOT NULL column, nullable ones optional, Json through json()
  await s.insert("ConflictRegistration", { conflictId: "c", registrationId: "r" });
  await s.insert("AuditEvent", {
    id: "a",
    actorLabel: "system",
    action: "x.y",
    entityType: "X",
    entityId: "1",
    at,
    after: json({ n: 1 }),
  });
  await s.update("Conflict", { updatedAt: at, resolvedAt: null }, { id: "c" });

  // @ts-expect-error a misspelt column
  await s.insert("ConflictRegistration", { conflictId: "c", registrationID: "r" });
  // @ts-expect-error a NOT NULL column left out
  await s.insert("ConflictRegistration", { conflictId: "c" });
  // @ts-expect-error a table that does not exist
  await s.insert("ConflictRegistrations", { conflictId: "c", registrationId: "r" });
  await s.insert("RegistrationEvent", {
    id: "e",
    registrationId: "r",
    toStatus: "SUBMITTED",
    actorLabel: "x",
    reason: "x",
    // @ts-expect-error a value of the wrong type (DateTime takes a Date)
    at: "2026-01-01",
  });
  await s.insert("RegistrationEvent", {
    id: "e",
    registrationId: "r",
    // @ts-expect-error a value outside the enum
    toStatus: "SUBMITED",
    actorLabel: "x",
    reason: "x",
    at,
  });
  await s.insert("AuditEvent", {
    id: "a",
    actorLabel: "system",
    action: "x.y",
    entityType: "X",
    entityId: "1",
    at,
    // @ts-expect-error a Json column takes json(value), never a bare object
    after: { n: 1 },
  });
  await s.insert("AuditEvent", {
    id: "a",
    actorLabel: "system",
    action: "x.y",
    entityType: "X",
    entityId: "1",
    at,
    // @ts-expect-error nor a look-alike of json()'s value
    after: { value: { n: 1 } },
  });
  // @ts-expect-error NULL in a NOT NULL column
  await s.update("Conflict", { updatedAt: null }, { id: "c" });
  // @ts-expect-error a misspelt column to match
  await s.update("Conflict", { updatedAt: at }, { ID: "c" });

  const row = await s.get<Selected<"DealRegistration", "id" | "slaDueAt" | "estimatedAcvCents">>(
    `SELECT "id", "slaDueAt", "estimatedAcvCents" FROM "DealRegistration"`,
  );
  // @ts-expect-error a DateTime column reads back as text on SQLite: not a Date until asDate()
  const due: Date | undefined = row?.slaDueAt;
  // @ts-expect-error a column that does not exist cannot be selected
  type Misspelt = Selected<"DealRegistration", "slaDueDate">;
  return [due, null as unknown as Misspelt];
}

describe("plain-SQL row types", () => {
  it("refuse wrong columns, types and tables at compile time (every @ts-expect-error above is needed)", () => {
    const configFile = path.resolve(__dirname, "../../../tsconfig.json");
    const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configFile));
    const program = ts.createProgram([__filename], { ...options, incremental: false, noEmit: true });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === __filename)
      .map(
        (d) =>
          `line ${d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
      );
    expect(messages).toEqual([]);
  }, 60_000);
});
