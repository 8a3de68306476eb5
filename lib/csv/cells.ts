// Writing CSV that is safe to open in a spreadsheet. Pure: used by the bulk-upload error report
// (lib/registrations/csv.ts) and the audit-log export (lib/db/audit-export.ts).
import Papa from "papaparse";

/** Prefix cells a spreadsheet would run as a formula (CSV injection: a leading =, +, -, @, tab or
 *  carriage return) with an apostrophe: the text shows, nothing executes. */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV lines for these rows, every cell neutralized; `header` writes the field names first. Each
 *  line ends with CRLF (RFC 4180), so chunks written one after another form one file. */
export function csvLines(fields: readonly string[], rows: readonly (readonly string[])[], header = false): string {
  const data = rows.map((r) => r.map(neutralizeCell));
  if (!header && data.length === 0) return "";
  const text = Papa.unparse(
    { fields: fields.map(neutralizeCell), data },
    { header, newline: "\r\n", quotes: false, escapeFormulae: false },
  );
  // with no data rows Papa still ends the header with a newline; every chunk ends with exactly one
  const body = text.replace(/(\r\n)+$/, "");
  return body ? `${body}\r\n` : "";
}
