// The CSV side of bulk registration: template, money, header checks, per-cell errors mapped back to
// columns, file limits, and an error report that cannot run formulas in a spreadsheet.
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  MAX_CSV_ROWS,
  TEMPLATE_CSV,
  dollarsToCents,
  errorReportCsv,
  failedImportRows,
  parseRegistrationCsv,
} from "@/lib/registrations/csv";

const HEADER = CSV_COLUMNS.join(",");
const GOOD: Record<string, string> = {
  account_name: "Fabrikam Health GmbH",
  account_domain: "fabrikam.example",
  country: "DE",
  vertical: "HEALTHCARE",
  product_line: "Platform",
  estimated_acv_usd: "250000",
  expected_close_date: "2027-06-30",
  description: "Rollout",
};
/** A file of one header and the given rows, each the good row with some cells changed. */
const csv = (...rows: Record<string, string>[]) =>
  Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => ({ ...GOOD, ...r })[c])) });
const errorsOf = (text: string) =>
  parseRegistrationCsv(text).rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e })));

describe("TEMPLATE_CSV", () => {
  it("names every column and its example rows are valid registrations", () => {
    const { rows, fatal } = parseRegistrationCsv(TEMPLATE_CSV, {
      productLines: ["Platform", "Analytics", "Implementation"],
      countries: ["DE", "US"],
    });
    expect(fatal).toBeUndefined();
    expect(TEMPLATE_CSV.split(/\r?\n/)[0]).toBe(HEADER);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.errors)).toEqual([[], []]);
    expect(rows[0]).toMatchObject({
      line: 2,
      input: {
        account: { name: "Fabrikam Health GmbH", country: "DE", vertical: "HEALTHCARE" },
        estimatedAcv: 25_000_000,
      },
    });
    expect(rows[1].input?.account.domain).toBeUndefined(); // empty optional cells are left out, not ""
  });

  it("is the file the upload page offers for download (public/templates)", () => {
    const file = readFileSync(
      path.join(__dirname, "../../../public/templates/accord-registrations-template.csv"),
      "utf8",
    );
    expect(file.replace(/\r\n/g, "\n").trimEnd()).toBe(TEMPLATE_CSV.replace(/\r\n/g, "\n"));
  });
});

describe("dollarsToCents", () => {
  it.each([
    ["250000", 25_000_000],
    ["250,000.50", 25_000_050],
    ["$1,234,567.8", 123_456_780],
    [" 85000 ", 8_500_000],
    ["0.01", 1],
  ])("%j → %i cents", (raw, cents) => expect(dollarsToCents(raw)).toEqual({ cents }));

  it.each([
    ["-5", /negative/],
    ["$-5", /negative/],
    ["(5)", /negative/],
    ["abc", /not an amount/],
    ["250,00", /not an amount/], // a European decimal comma must not become 25,000
    ["1.234", /not an amount/],
    ["1e6", /not an amount/],
    ["12,34,567", /not an amount/],
    ["250000.", /not an amount/],
    ["9".repeat(30), /too large/],
  ])("%j is refused", (raw, message) => {
    const r = dollarsToCents(raw);
    expect("error" in r && r.error).toMatch(message);
  });
});

describe("parseRegistrationCsv: the file", () => {
  it.each([
    ["missing columns", "account_name,country\nAcme,DE", /missing columns account_domain, vertical/],
    ["unknown column", `${HEADER},owner\n`, /unknown column owner/],
    ["repeated column", `${HEADER},country`, /repeated column country/],
    ["semicolons", CSV_COLUMNS.join(";"), /semicolons/],
    ["empty file", " \n\n", /empty/],
    ["header only", `${HEADER}\n\n`, /no rows below the header/],
  ])("%s is fatal", (_, text, message) => {
    const r = parseRegistrationCsv(text);
    expect(r.fatal).toMatch(message);
    expect(r.rows).toEqual([]);
  });

  it("accepts columns in any order, header case and spaces, a byte-order mark and CRLF", () => {
    const cols = [...CSV_COLUMNS].reverse();
    const text =
      "\uFEFF" +
      cols.map((c) => c.toUpperCase().replace(/_/g, " ")).join(",") +
      "\r\n" +
      cols.map((c) => `"${GOOD[c]}"`).join(",") +
      "\r\n";
    expect(parseRegistrationCsv(text).rows).toEqual([
      expect.objectContaining({ line: 2, errors: [], input: expect.objectContaining({ productLine: "Platform" }) }),
    ]);
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows and more than 2 MB`, () => {
    expect(parseRegistrationCsv(csv(...Array.from({ length: MAX_CSV_ROWS }, () => ({})))).fatal).toBeUndefined();
    expect(parseRegistrationCsv(csv(...Array.from({ length: MAX_CSV_ROWS + 1 }, () => ({})))).fatal).toMatch(
      /1,001 rows/,
    );
    expect(parseRegistrationCsv(csv({ description: "x".repeat(2 * 1024 * 1024) })).fatal).toMatch(/2 MB/);
  });

  it("numbers lines like a spreadsheet: blank rows count, a multi-line cell is one row", () => {
    const text = `${HEADER}\n\n${csv({ description: "two\nlines" }).split("\r\n")[1]}\n${csv({ country: "Germany" }).split("\r\n")[1]}\n`;
    expect(parseRegistrationCsv(text).rows.map((r) => [r.line, r.errors.length])).toEqual([
      [3, 0],
      [4, 1],
    ]);
  });

  it("trims cells and reads industry names loosely", () => {
    const [row] = parseRegistrationCsv(
      csv({ account_name: "  Acme Corp  ", country: " de ", vertical: "Financial services" }),
    ).rows;
    expect(row.input?.account).toMatchObject({ name: "Acme Corp", country: "DE", vertical: "FINANCIAL_SERVICES" });
  });
});

describe("parseRegistrationCsv: per-row errors by column", () => {
  it.each([
    ["bad country", { country: "Germany" }, "country", /two-letter country code/],
    ["bad vertical", { vertical: "Pharma" }, "vertical", /"Pharma" is not a vertical.*HEALTHCARE/],
    ["bad date", { expected_close_date: "31/03/2027" }, "expected_close_date", /YYYY-MM-DD/],
    ["impossible date", { expected_close_date: "2027-02-30" }, "expected_close_date", /YYYY-MM-DD/],
    ["negative amount", { estimated_acv_usd: "-100" }, "estimated_acv_usd", /negative/],
    ["zero amount", { estimated_acv_usd: "0" }, "estimated_acv_usd", /more than zero/],
    ["amount above $1B", { estimated_acv_usd: "1,000,000,001" }, "estimated_acv_usd", /\$1B/],
    ["empty name", { account_name: "" }, "account_name", /Required/],
    ["empty product line", { product_line: " " }, "product_line", /Required/],
    ["short name", { account_name: "A" }, "account_name", /company name/],
  ])("%s", (_, cells, field, message) => {
    const errors = errorsOf(csv(cells));
    expect(errors).toEqual([{ line: 2, field, message: expect.stringMatching(message) }]);
  });

  it("reports every bad cell of a row, and leaves the good rows alone", () => {
    const r = parseRegistrationCsv(
      csv(
        {},
        { country: "XX1", vertical: "", estimated_acv_usd: "lots" },
        { account_name: "Other Co", account_domain: "other.example" },
      ),
    );
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(r.rows[1].input).toBeUndefined();
    expect(r.rows[1].errors.map((e) => e.field)).toEqual(["country", "vertical", "estimated_acv_usd"]);
    expect(r.rows[0].input && r.rows[2].input).toBeTruthy();
  });

  it("flags a row with too many cells (an unquoted comma) and an unclosed quote", () => {
    const text = `${HEADER}\nAcme,,DE,RETAIL,Platform,250,000,2027-01-01,\n"Broken,,DE,RETAIL,Platform,1,2027-01-01,\n`;
    const errors = errorsOf(text);
    expect(errors[0]).toMatchObject({
      line: 2,
      field: "row",
      message: expect.stringMatching(/9 cells.*double quotes/),
    });
    expect(errors[1]).toMatchObject({ line: 3, field: "row", message: expect.stringMatching(/not closed/) });
  });

  it("checks reference data and past dates when given them", () => {
    const opts = { productLines: ["Platform"], countries: ["DE"], today: "2027-01-01" };
    const r = parseRegistrationCsv(
      csv({ product_line: "platform" }, { product_line: "Widgets", country: "FR", expected_close_date: "2026-12-31" }),
      opts,
    );
    expect(r.rows[0].errors).toEqual([]);
    expect(r.rows[1].errors.map((e) => e.field)).toEqual(["country", "product_line", "expected_close_date"]);
  });

  it("flags a second row for the same account and product line (by name or by domain)", () => {
    const r = parseRegistrationCsv(
      csv(
        {},
        { account_name: "FABRIKAM HEALTH, Inc.", account_domain: "" },
        { account_name: "Fabrikam Hospitals", account_domain: "https://www.fabrikam.example/" },
        { product_line: "Analytics" },
      ),
    );
    expect(r.rows.map((x) => x.errors[0]?.message ?? "ok")).toEqual([
      "ok",
      expect.stringMatching(/line 2/),
      expect.stringMatching(/line 2/),
      "ok",
    ]);
  });
});

describe("errorReportCsv", () => {
  it("writes line, column, message per problem, quoted where needed and neutralized", () => {
    const text = errorReportCsv([
      {
        line: 4,
        errors: [
          { field: "country", message: "Bad, very bad" },
          { field: "row", message: "=cmd|' /C calc'!A0" },
        ],
      },
    ]);
    const parsed = Papa.parse<string[]>(text).data;
    expect(parsed).toEqual([
      ["line", "column", "message"],
      ["4", "country", "Bad, very bad"],
      ["4", "row", "'=cmd|' /C calc'!A0"],
    ]);
  });

  it("reports failed import rows by column, or by row when the server named no column", () => {
    const report = errorReportCsv(
      failedImportRows([
        { line: 2, ok: true, id: "r1", route: "CO_SELL" },
        {
          line: 3,
          ok: false,
          error: "Unknown product line",
          errors: [{ field: "product_line", message: '"Widgets" is not a product line' }],
        },
        { line: 4, ok: false, error: "-Something went wrong" },
      ]),
    );
    expect(Papa.parse<string[]>(report).data.slice(1)).toEqual([
      ["3", "product_line", '"Widgets" is not a product line'],
      ["4", "row", "'-Something went wrong"],
    ]);
  });

  it("turns parse results straight into a report", () => {
    const { rows } = parseRegistrationCsv(csv({ country: "Germany" }));
    expect(errorReportCsv(rows).split("\r\n")).toHaveLength(2);
  });
});
