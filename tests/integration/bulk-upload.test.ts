// Bulk CSV registration end to end against the seeded database: a file is parsed, its valid rows
// are imported through the chunk action (submitRegistration under csv:<batch>:<line> keys), a bad
// row is reported without blocking the good ones, and a retried chunk creates nothing new.
// The caller is the real context of a seeded user, built as a request builds it.
import { beforeEach, describe, expect, it } from "vitest";
import Papa from "papaparse";
import type { Ctx } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { CSV_COLUMNS, parseRegistrationCsv, type ImportRowResult } from "@/lib/registrations/csv";
import { ctxFor } from "../support/contexts";

import { importRegistrationRows, validateRegistrationCsv } from "@/lib/registrations/bulk-import";
import { toActionError } from "@/lib/actions/define-action";

const session = { ctx: null as Ctx | null };
// the same wrapping the server actions apply: errors become { ok: false, code, message }
async function asAction<T>(work: () => Promise<T>) {
  try {
    return { ok: true as const, data: await work() };
  } catch (error) {
    return toActionError(error);
  }
}
const importCsvChunkAction = ({ batchId, rows }: { batchId: string; rows: { line: number; input: unknown }[] }) =>
  asAction(() => importRegistrationRows(session.ctx!, batchId, rows));
const validateCsvAction = ({ csv }: { csv: string }) => asAction(() => validateRegistrationCsv(session.ctx!, csv));

const ALICE = "alice@northwind.test";
let n = 0;
function row(cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) {
  n++;
  const base = {
    account_name: `Quillon Bulk Fixtures ${n} GmbH`,
    account_domain: `quillon-bulk-${n}.example`,
    country: "DE",
    vertical: "MANUFACTURING",
    product_line: "Platform",
    estimated_acv_usd: "312,000.00",
    expected_close_date: "2027-03-31",
    description: `Bulk row ${n}`,
  };
  return CSV_COLUMNS.map((c) => ({ ...base, ...cells })[c]);
}
const file = (...rows: string[][]) => Papa.unparse({ fields: [...CSV_COLUMNS], data: rows });
const readyRows = (text: string) =>
  parseRegistrationCsv(text).rows.flatMap((r) => (r.input ? [{ line: r.line, input: r.input }] : []));

async function importChunk(batchId: string, rows: ReturnType<typeof readyRows>): Promise<ImportRowResult[]> {
  const res = await importCsvChunkAction({ batchId, rows });
  if (!res.ok) throw new Error(`chunk refused: ${res.code} ${res.message}`);
  return res.data;
}

const csvRegistrations = (batchId: string) =>
  db.dealRegistration.findMany({
    where: { idempotencyKey: { startsWith: `csv:${batchId}:` } },
    orderBy: { idempotencyKey: "asc" },
  });

beforeEach(async () => {
  session.ctx = await ctxFor(ALICE);
});

describe("bulk CSV upload", () => {
  it("imports the good rows, reports the bad one, and a re-run of the chunk creates nothing new", async () => {
    const text = file(
      row(),
      row({ product_line: "Widgets" }),
      row({ estimated_acv_usd: "85000", vertical: "Healthcare" }),
      row({ vertical: "Pharma" }),
    );
    const parsed = parseRegistrationCsv(text);
    // the parser knows nothing of product lines (no reference data given): line 3 only fails on save
    expect(parsed.rows.map((r) => [r.line, r.errors.map((e) => e.field)])).toEqual([
      [2, []],
      [3, []],
      [4, []],
      [5, ["vertical"]],
    ]);
    const ready = readyRows(text);
    const batchId = "batch-one-0001";

    const first = await importChunk(batchId, ready);
    expect(first.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(first[1]).toMatchObject({
      ok: false,
      errors: [{ field: "product_line", message: expect.stringMatching(/Widgets/) }],
    });
    expect(first[0]).toMatchObject({ ok: true, route: "CO_SELL" });
    expect(first[2]).toMatchObject({ ok: true, route: "PARTNER_LED" }); // healthcare under $1M

    const saved = await csvRegistrations(batchId);
    expect(saved.map((r) => r.idempotencyKey)).toEqual([`csv:${batchId}:2`, `csv:${batchId}:4`]);
    expect(saved.map((r) => r.id).sort()).toEqual([first[0], first[2]].map((r) => (r.ok ? r.id : "")).sort());
    const alice = session.ctx!;
    expect(
      saved.every(
        (r) => r.partnerId === alice.partnerId && r.submittedById === alice.userId && r.status === "SUBMITTED",
      ),
    ).toBe(true);
    expect(saved.map((r) => [Number(r.estimatedAcvCents), r.accountVertical])).toEqual([
      [31_200_000, "MANUFACTURING"],
      [8_500_000, "HEALTHCARE"],
    ]);

    const counts = async () => ({
      registrations: await db.dealRegistration.count({ where: { partnerId: alice.partnerId! } }),
      audits: await db.auditEvent.count({ where: { action: "registration.submit" } }),
      conflicts: await db.conflict.count(),
    });
    const before = await counts();
    // e.g. the browser lost the first answer and sent the same chunk again
    const again = await importChunk(batchId, ready);
    expect(again.map((r) => (r.ok ? r.id : r.error))).toEqual(first.map((r) => (r.ok ? r.id : r.error)));
    expect(await counts()).toEqual(before);
    expect(await csvRegistrations(batchId)).toHaveLength(2);
  });

  it("a file naming an account another partner already holds is saved with a conflict", async () => {
    const account = row();
    const [held] = await importChunk("batch-holder-01", readyRows(file(account)));
    expect(held.ok).toBe(true);
    session.ctx = await ctxFor("bob@contoso.test");
    const [theirs] = await importChunk("batch-other-001", readyRows(file(account)));
    expect(theirs).toMatchObject({ ok: true, conflict: "DUPLICATE_REGISTRATION" });
  });

  it("the same company importing an account it already holds gets a per-row conflict error, not a duplicate", async () => {
    const account = row();
    await importChunk("batch-mine-0001", readyRows(file(account)));
    const [second] = await importChunk("batch-mine-0002", readyRows(file(account)));
    expect(second).toMatchObject({ ok: false, errors: [{ field: "account_name" }] });
    expect(await csvRegistrations("batch-mine-0002")).toHaveLength(0);
  });

  it("validation checks reference data and past dates and saves nothing", async () => {
    const before = await db.dealRegistration.count();
    const res = await validateCsvAction({
      csv: file(row(), row({ product_line: "Widgets", country: "ZZ", expected_close_date: "2020-01-01" })),
    });
    expect(res.ok && res.data.rows.map((r) => r.errors.map((e) => e.field))).toEqual([
      [],
      ["country", "product_line", "expected_close_date"],
    ]);
    expect(await db.dealRegistration.count()).toBe(before);
  });

  it("only partners may import, and a chunk holds at most 50 rows", async () => {
    const rows = readyRows(file(row()));
    session.ctx = await ctxFor("pm@accord.test");
    expect(await importCsvChunkAction({ batchId: "batch-staff-001", rows })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await validateCsvAction({ csv: file(row()) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await csvRegistrations("batch-staff-001")).toHaveLength(0);

    session.ctx = await ctxFor(ALICE);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ line: i + 2, input: rows[0].input }));
    expect(await importCsvChunkAction({ batchId: "batch-big-00001", rows: tooMany })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await importCsvChunkAction({ batchId: "../../etc", rows })).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
