// Bulk deal registration by CSV (docs/domain.md#deal-registration): the template partners fill in, the parser that turns
// a file into the shared registrationInput row by row, and the error report they can download.
// Pure (no database, no framework): the browser checks a file instantly with the same code the
// server action runs, and the server still re-validates every row it is asked to save.
import Papa from "papaparse";
import { neutralizeCell } from "@/lib/csv/cells";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";
import { parseDollars } from "@/lib/money";
import { VERTICALS } from "@/lib/rules";
import { zodFieldErrors } from "@/lib/validation/errors";
import { registrationInput, type RegistrationInput } from "@/lib/validation/registrations";

export const CSV_COLUMNS = [
  "account_name",
  "account_domain",
  "country",
  "vertical",
  "product_line",
  "estimated_acv_usd",
  "expected_close_date",
  "description",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const OPTIONAL: ReadonlySet<CsvColumn> = new Set(["account_domain", "description"]);
export const MAX_CSV_ROWS = 1_000;
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Rows per import call: each row is its own transaction, so a call stays well inside request timeouts and body limits. */
export const IMPORT_CHUNK_SIZE = 50;

/** `field` is a CSV column, or "row" for problems of the row as a whole. */
export type RowError = { field: string; message: string };
export type ParsedRow = { line: number; input?: RegistrationInput; errors: RowError[] };
export type ParseResult = { rows: ParsedRow[]; fatal?: string };
/** Reference data is optional so the parser stays pure; `today` (YYYY-MM-DD) rejects past close dates. */
export type ParseOptions = { today?: string; productLines?: readonly string[]; countries?: readonly string[] };
export type ImportRowResult =
  | { line: number; ok: true; id: string; route: string; conflict?: string }
  | { line: number; ok: false; error: string; errors?: RowError[] };

export const TEMPLATE_CSV = Papa.unparse({
  fields: [...CSV_COLUMNS],
  data: [
    [
      "Fabrikam Health GmbH",
      "fabrikam-health.example",
      "DE",
      "HEALTHCARE",
      "Platform",
      "250,000.00",
      "2027-06-30",
      "Clinical analytics rollout across 12 hospitals.",
    ],
    ["Tailspin Retail Inc.", "", "US", "RETAIL", "Analytics", "85000", "2027-03-31", ""],
  ],
});

const COLUMN_OF_PATH: Record<string, CsvColumn> = {
  "account.name": "account_name",
  "account.domain": "account_domain",
  "account.country": "country",
  "account.vertical": "vertical",
  productLine: "product_line",
  estimatedAcv: "estimated_acv_usd",
  expectedCloseDate: "expected_close_date",
  description: "description",
};

/** A registrationInput path ("account.country") → the CSV column a partner can find and fix. */
export function columnOfPath(path: string): string {
  return COLUMN_OF_PATH[path] ?? "row";
}

// The schema's wording suits the form ("Pick the customer's industry"); in a file the partner
// needs the accepted values spelled out.
const MESSAGE_FOR: Partial<Record<CsvColumn, (value: string) => string>> = {
  vertical: (v) => `"${v}" is not a vertical. Use one of: ${VERTICALS.join(", ")}`,
  expected_close_date: (v) =>
    `"${v}" is not a date. Use YYYY-MM-DD, e.g. 2027-03-31 (spreadsheet apps may reformat dates: format the column as text)`,
};

/** "250000", "250,000.50", "$1,000" → whole cents (lib/money.ts parseDollars), with the reason when it is not one. */
export function dollarsToCents(raw: string): { cents: number } | { error: string } {
  const s = raw.trim();
  if (/^(\$\s*)?[-−(]/.test(s)) return { error: "The amount cannot be negative" };
  const cents = parseDollars(s);
  if (cents !== null) return { cents };
  // a well-formed amount parseDollars still refuses is past the largest exact number of cents
  return /^\$?\s*\d[\d,]{15,}(\.\d{1,2})?$/.test(s)
    ? { error: "The amount is too large" }
    : { error: `"${s}" is not an amount in US dollars. Write it like 250000 or 250,000.50` };
}

/** One CSV of every problem, one line per (line, column, message), safe to open in a spreadsheet. */
export function errorReportCsv(rows: readonly { line: number; errors: readonly RowError[] }[]): string {
  const data = rows.flatMap((r) => r.errors.map((e) => [String(r.line), e.field, e.message].map(neutralizeCell)));
  return Papa.unparse({ fields: ["line", "column", "message"], data });
}

/** Rows an import could not save, shaped for errorReportCsv: the messages per column, else the row's message. */
export function failedImportRows(results: readonly ImportRowResult[]): { line: number; errors: RowError[] }[] {
  return results.flatMap((r) =>
    r.ok ? [] : [{ line: r.line, errors: r.errors?.length ? r.errors : [{ field: "row", message: r.error }] }],
  );
}

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

function checkHeader(header: string[]): string | undefined {
  if (header.length === 1 && header[0].includes(";")) {
    return "The file uses semicolons between values. Save it as comma-separated values (in Excel: CSV UTF-8).";
  }
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = header.filter((h) => h && !known.has(h));
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const repeated = [...new Set(header.filter((h, i) => h && header.indexOf(h) !== i))];
  const problems = [
    missing.length ? `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` : "",
    unknown.length ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}` : "",
    repeated.length ? `repeated column${repeated.length > 1 ? "s" : ""} ${repeated.join(", ")}` : "",
  ].filter(Boolean);
  if (!problems.length) return undefined;
  return (
    `The first row of the file has ${problems.join("; ")}. It must name these columns: ` +
    `${CSV_COLUMNS.join(", ")}. Download the template to start from a correct file.`
  );
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * Parse and validate a whole file. `line` is the spreadsheet row number (the header is line 1), so
 * a partner finds the row in Excel even when a quoted cell spans several lines. Blank rows are
 * skipped but still counted, for the same reason.
 */
export function parseRegistrationCsv(text: string, opts: ParseOptions = {}): ParseResult {
  // length first: it never underestimates UTF-8 bytes and costs nothing on a huge string
  if (text.length > MAX_CSV_BYTES || byteLength(text) > MAX_CSV_BYTES)
    return { rows: [], fatal: "The file is larger than 2 MB. Split it into smaller files." };
  const body = text.replace(/^\uFEFF/, ""); // Excel's "CSV UTF-8" starts with a byte-order mark
  if (!body.trim())
    return { rows: [], fatal: "The file is empty. Download the template and fill in one row per deal." };

  const parsed = Papa.parse<string[]>(body, { delimiter: ",", skipEmptyLines: false });
  const [first = [], ...records] = parsed.data;
  const header = first.map(normalizeHeader);
  const headerProblem = checkHeader(header);
  if (headerProblem) return { rows: [], fatal: headerProblem };

  const dataCount = records.filter((r) => !isBlank(r)).length;
  if (dataCount === 0) return { rows: [], fatal: "The file has no rows below the header. Add one row per deal." };
  if (dataCount > MAX_CSV_ROWS)
    return {
      rows: [],
      fatal:
        `The file has ${dataCount.toLocaleString("en-US")} rows; one upload takes at most ` +
        `${MAX_CSV_ROWS.toLocaleString("en-US")}. Split it into smaller files.`,
    };

  const quoteErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type === "Quotes" && e.row !== undefined)
      quoteErrors.set(
        e.row,
        'A quoted value is not closed properly ("), so the cells of this row could not be told apart',
      );
  }
  const ctx = { opts, header, seen: new Map<string, number>() };
  const rows: ParsedRow[] = [];
  records.forEach((cells, i) => {
    if (isBlank(cells)) return;
    rows.push(parseRow(ctx, cells, i + 2, quoteErrors.get(i + 1)));
  });
  return { rows };
}

type RowContext = { opts: ParseOptions; header: string[]; seen: Map<string, number> };

function parseRow(ctx: RowContext, cells: string[], line: number, quoteError: string | undefined): ParsedRow {
  const { header, opts } = ctx;
  if (quoteError) return { line, errors: [{ field: "row", message: quoteError }] };
  if (cells.length > header.length) {
    return {
      line,
      errors: [
        {
          field: "row",
          message: `This row has ${cells.length} cells but the header has ${header.length}. Put values that contain commas in double quotes, e.g. "250,000"`,
        },
      ],
    };
  }
  // fewer cells than the header is tolerated: hand-written files often drop trailing empty cells
  const value = (c: CsvColumn) => (cells[header.indexOf(c)] ?? "").trim();
  const errors: RowError[] = [];
  for (const c of CSV_COLUMNS) {
    if (!OPTIONAL.has(c) && !value(c)) errors.push({ field: c, message: "Required: this cell is empty" });
  }
  const money = value("estimated_acv_usd") ? dollarsToCents(value("estimated_acv_usd")) : null;
  if (money && "error" in money) errors.push({ field: "estimated_acv_usd", message: money.error });

  const candidate = {
    account: {
      name: value("account_name"),
      ...(value("account_domain") ? { domain: value("account_domain") } : {}),
      country: value("country").toUpperCase(),
      // "Financial services" and "financial-services" both mean FINANCIAL_SERVICES
      vertical: value("vertical")
        .toUpperCase()
        .replace(/[\s-]+/g, "_"),
    },
    productLine: value("product_line"),
    estimatedAcv: money && "cents" in money ? money.cents : Number.NaN,
    expectedCloseDate: value("expected_close_date"),
    ...(value("description") ? { description: value("description") } : {}),
  };
  const result = registrationInput.safeParse(candidate);
  if (!result.success) {
    for (const [path, [message]] of Object.entries(zodFieldErrors(result.error))) {
      const field = columnOfPath(path);
      if (errors.some((e) => e.field === field)) continue; // one message per cell: the first is the useful one
      const custom = field in MESSAGE_FOR ? MESSAGE_FOR[field as CsvColumn]!(value(field as CsvColumn)) : undefined;
      errors.push({ field, message: custom ?? message! });
    }
    return { line, errors: sortByColumn(errors) };
  }
  errors.push(...referenceErrors(result.data, opts));
  if (errors.length === 0) {
    const duplicateOf = claimSeen(ctx.seen, result.data, line);
    if (duplicateOf)
      errors.push({
        field: "account_name",
        message: `Same account and product line as line ${duplicateOf}: one registration per account and product line`,
      });
  }
  return errors.length ? { line, errors: sortByColumn(errors) } : { line, input: result.data, errors };
}

function referenceErrors(input: RegistrationInput, opts: ParseOptions): RowError[] {
  const errors: RowError[] = [];
  if (opts.productLines && !opts.productLines.some((p) => p.toLowerCase() === input.productLine.toLowerCase())) {
    errors.push({
      field: "product_line",
      message: `"${input.productLine}" is not a product line. Use one of: ${opts.productLines.join(", ")}`,
    });
  }
  if (opts.countries && !opts.countries.includes(input.account.country)) {
    errors.push({ field: "country", message: `${input.account.country} is not a country we sell in` });
  }
  if (opts.today && input.expectedCloseDate < opts.today) {
    errors.push({ field: "expected_close_date", message: "The expected close date must be today or later" });
  }
  return errors;
}

/**
 * Two rows claiming one account and product line: the second would only fail at import (a company
 * holds one active claim per account and product line), so say so now. Keys match the server's
 * account matching (docs/domain.md#duplicates-and-overlaps): by normalized name or by normalized domain.
 */
function claimSeen(seen: Map<string, number>, input: RegistrationInput, line: number): number | undefined {
  const product = input.productLine.trim().toLowerCase();
  const domainKey = normalizeDomain(input.account.domain ?? null);
  const nameKey = normalizeAccountName(input.account.name);
  const keys = [...(nameKey ? [`n:${nameKey}|${product}`] : []), ...(domainKey ? [`d:${domainKey}|${product}`] : [])];
  const earlier = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
  if (earlier !== undefined) return earlier;
  for (const k of keys) seen.set(k, line);
  return undefined;
}

function sortByColumn(errors: RowError[]): RowError[] {
  const order = (f: string) => (CSV_COLUMNS as readonly string[]).indexOf(f);
  return [...errors].sort((a, b) => order(a.field) - order(b.field));
}
