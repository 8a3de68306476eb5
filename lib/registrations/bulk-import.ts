// Bulk registration by CSV (docs/domain.md#deal-registration), the server side without Next.js: validation reads the
// whole file and saves nothing; the import takes valid rows in chunks. Every row goes through
// submitRegistration (its own transaction, route decision, conflicts, audit) under an idempotency
// key made of the batch and the line, so a chunk retried after a timeout or a dropped connection
// replays the rows it already created instead of registering them twice.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden, isAppError, type FieldErrors } from "@/lib/errors";
import { listCountries, listProductLines } from "@/lib/db/reference";
import { submitRegistration } from "@/lib/db/registration-submit";
import { earliestToday } from "./earliest-today";
import {
  IMPORT_CHUNK_SIZE,
  columnOfPath,
  parseRegistrationCsv,
  type ImportRowResult,
  type ParseResult,
  type RowError,
} from "./csv";
import { zodFieldErrors } from "@/lib/validation/errors";
import { registrationInput } from "@/lib/validation/registrations";

// The route handler's own check (submitRegistration) would refuse row by row; refusing the whole
// call up front keeps a non-partner from even learning which rows would have been valid.
function requirePartner(ctx: Ctx) {
  if (!can(ctx, "registration:create") || !ctx.partnerId) throw forbidden("Only partner users register deals");
}

// No length limit here: the parser refuses files over 2 MB before any work, and Next.js caps the
// request body before this code runs.
export async function validateRegistrationCsv(ctx: Ctx, csv: string): Promise<ParseResult> {
  requirePartner(ctx);
  const [countries, productLines] = await Promise.all([listCountries(), listProductLines()]);
  return parseRegistrationCsv(csv, {
    today: earliestToday(),
    countries: countries.map((c) => c.code),
    productLines: productLines.map((p) => p.name),
  });
}

export async function importRegistrationRows(
  ctx: Ctx,
  batchId: string,
  rows: { line: number; input: unknown }[],
): Promise<ImportRowResult[]> {
  requirePartner(ctx);
  if (!/^[A-Za-z0-9-]{8,64}$/.test(batchId))
    throw new AppError("VALIDATION", "Invalid batch id", { batchId: ["8–64 letters, digits or dashes"] });
  if (rows.length > IMPORT_CHUNK_SIZE)
    throw new AppError("VALIDATION", `Send at most ${IMPORT_CHUNK_SIZE} rows per chunk`, { rows: ["Too many rows"] });
  const results: ImportRowResult[] = [];
  // One row after the other, not in parallel: rows of one file may name the same account, and who
  // holds the claim should follow the order of the file, the same on every retry.
  for (const row of rows) results.push(await importRow(ctx, batchId, row.line, row.input));
  return results;
}

async function importRow(ctx: Ctx, batchId: string, line: number, raw: unknown): Promise<ImportRowResult> {
  const parsed = registrationInput.safeParse(raw);
  if (!parsed.success) {
    return {
      line,
      ok: false,
      error: "This row is not a valid registration",
      errors: toColumns(zodFieldErrors(parsed.error)),
    };
  }
  try {
    const saved = await submitRegistration(ctx, parsed.data, { idempotencyKey: `csv:${batchId}:${line}` });
    return {
      line,
      ok: true,
      id: saved.id,
      route: saved.route,
      ...(saved.conflict ? { conflict: saved.conflict.type } : {}),
    };
  } catch (error) {
    if (isAppError(error))
      return {
        line,
        ok: false,
        error: error.userMessage,
        ...(error.fields ? { errors: toColumns(error.fields) } : {}),
      };
    // The row's transaction rolled back; its key is unused, so importing the file's rows again is safe.
    console.error("[bulk-registrations] row import failed", { line, error });
    return { line, ok: false, error: "Something went wrong on our side. This row was not saved." };
  }
}

function toColumns(fields: FieldErrors): RowError[] {
  // registrationId names the partner's own registration of the same claim (the row's message says
  // which): a reference, not a cell in error
  return Object.entries(fields)
    .filter(([path]) => path !== "registrationId")
    .flatMap(([path, messages]) => messages.map((message) => ({ field: columnOfPath(path), message })));
}
