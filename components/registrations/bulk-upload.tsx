"use client";
// Bulk upload of deal registrations (docs/domain.md#deal-registration): every row of a CSV is checked before anything is
// saved, then the valid rows are imported in chunks, one call after the other, with real progress.
// A chunk lost in transit is simply sent again: its idempotency keys (batch + line) make the
// server replay rows it already saved instead of registering them twice.
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { importCsvChunkAction, validateCsvAction } from "@/lib/actions/bulk-registrations";
import {
  IMPORT_CHUNK_SIZE,
  MAX_CSV_BYTES,
  errorReportCsv,
  failedImportRows,
  parseRegistrationCsv,
  type ImportRowResult,
  type ParseResult,
  type ParsedRow,
  type RowError,
} from "@/lib/registrations/csv";
import { formatNumber, humanize } from "@/lib/format";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { FormAlert, LABEL } from "@/components/ui/field";
import { Table, type Column } from "@/components/ui/table";
import { localToday } from "./registration-form-model";

// Server-action bodies are capped at 3 MB (next.config.ts); the file travels as an escaped string,
// which can grow it up to twice (quotes, line breaks). Files that could pass the cap are checked
// here in the browser with the same parser, and the server still re-checks each row on import.
const SERVER_CHECK_LIMIT = 1_400_000;
const SHOWN_PROBLEMS = 200;

type Phase = "idle" | "checking" | "checked" | "importing" | "paused" | "done";
type Ready = { line: number; input: NonNullable<ParsedRow["input"]> };

function newBatchId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  // Excel's plain "CSV" on Windows is Windows-1252: read as UTF-8, accented names would become "�"
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function download(name: string, csv: string) {
  // the byte-order mark makes Excel read the report as UTF-8
  const url = URL.createObjectURL(new Blob(["\uFEFF" + csv], { type: "text/csv;charset=utf-8" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

async function sendChunk(batchId: string, rows: Ready[]) {
  for (let attempt = 1; ; attempt++) {
    const res = await importCsvChunkAction({ batchId, rows }).catch(() => null);
    if (res) return res;
    if (attempt === 3) return { ok: false as const, message: "Could not reach the server." };
    await new Promise((r) => setTimeout(r, 1_500 * attempt));
  }
}

export function BulkUpload({ productLines, countries }: { productLines: string[]; countries: string[] }) {
  const [phase, setPhase] = useState<Phase>("idle");
  const [fileName, setFileName] = useState("");
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rows, setRows] = useState<ParsedRow[]>([]);
  const [results, setResults] = useState<ImportRowResult[]>([]);
  const [batchId, setBatchId] = useState("");
  const busy = useRef(false); // a second change event or click must not start a second run
  const progressRef = useRef<HTMLDivElement>(null);

  const invalid = rows.filter((r) => r.errors.length > 0);
  const ready: Ready[] = rows.flatMap((r) => (r.input ? [{ line: r.line, input: r.input }] : []));
  const failed = failedImportRows(results);
  const conflicts = results.filter((r) => r.ok && r.conflict);
  const base = fileName.replace(/\.csv$/i, "") || "registrations";

  // the button that started (or resumed) the import is gone: keep keyboard and screen-reader users with the progress
  useEffect(() => {
    if (phase === "importing" || phase === "done") progressRef.current?.focus();
    if (phase !== "importing") return;
    // leaving now would stop the import half way; the browser asks first
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [phase]);

  function reset(message: string | null = null) {
    setPhase("idle");
    setAlert(message);
    setNotice(null);
    setRows([]);
    setResults([]);
  }

  async function check(text: string): Promise<ParseResult> {
    const local = () => parseRegistrationCsv(text, { today: localToday(), productLines, countries });
    if (new Blob([text]).size > SERVER_CHECK_LIMIT) {
      setNotice("Checked in your browser. The server checks every row again as it is imported.");
      return local();
    }
    const res = await validateCsvAction({ csv: text }).catch(() => null);
    if (!res) {
      setNotice(
        "The server could not be reached, so the file was checked in your browser. Importing needs a connection.",
      );
      return local();
    }
    if (!res.ok) return { rows: [], fatal: res.message };
    return res.data;
  }

  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file || busy.current) return;
    e.target.value = ""; // so picking the same file again, once fixed, is a change too
    reset();
    setFileName(file.name);
    if (!/\.csv$/i.test(file.name)) return reset("Choose a .csv file. In Excel: File › Save As › CSV UTF-8.");
    if (file.size > MAX_CSV_BYTES) return reset("The file is larger than 2 MB. Split it into smaller files.");
    busy.current = true;
    setPhase("checking");
    try {
      const result = await check(await readText(file));
      if (result.fatal) return reset(result.fatal);
      setRows(result.rows);
      setBatchId(newBatchId()); // one batch per checked file: its keys tie retries to these rows
      setPhase("checked");
    } catch {
      reset("The file could not be read. Check that it is a CSV file and try again.");
    } finally {
      busy.current = false;
    }
  }

  /** From the first row not yet processed: a resumed import continues where it stopped. */
  async function runImport() {
    if (busy.current) return;
    busy.current = true;
    setAlert(null);
    setPhase("importing");
    let done = results;
    for (let at = done.length; at < ready.length; at += IMPORT_CHUNK_SIZE) {
      const res = await sendChunk(batchId, ready.slice(at, at + IMPORT_CHUNK_SIZE));
      if (!res.ok) {
        setAlert(
          `${res.message} ${formatNumber(done.length)} of ${formatNumber(ready.length)} rows were processed. ` +
            `Resume to continue; rows already saved are not saved twice.`,
        );
        break;
      }
      done = [...done, ...res.data];
      setResults(done);
    }
    setPhase(done.length < ready.length ? "paused" : "done");
    busy.current = false;
  }

  return (
    <div className="space-y-6">
      <Card title="Upload your file">
        <label htmlFor="registrations-csv" className={LABEL}>
          CSV file
        </label>
        <input
          id="registrations-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={onFile}
          disabled={phase === "checking" || phase === "importing"}
          aria-describedby="registrations-csv-hint"
          className={
            "mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md " +
            "file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-brand-700 hover:file:bg-brand-100"
          }
        />
        <p id="registrations-csv-hint" className="mt-1 text-xs text-slate-500">
          Up to 1,000 rows and 2 MB. Nothing is saved until you choose to import.
        </p>
      </Card>

      <div role="status" aria-live="polite" className="text-sm text-slate-700">
        {phase === "checking" && <p>Checking {fileName}…</p>}
        {phase === "checked" && (
          <p>
            {fileName}: {formatNumber(ready.length)} rows ready to import, {formatNumber(invalid.length)} with errors.
          </p>
        )}
        {phase === "done" && (
          <p>
            Import finished: {formatNumber(results.length - failed.length)} registered, {formatNumber(failed.length)}{" "}
            failed.
          </p>
        )}
        {notice && <p className="mt-1 text-slate-500">{notice}</p>}
      </div>
      <FormAlert message={alert} />

      {phase === "checked" && invalid.length > 0 && (
        <Card
          title={`Rows with errors (${formatNumber(invalid.length)})`}
          action={
            <Button variant="secondary" onClick={() => download(`${base}-errors.csv`, errorReportCsv(invalid))}>
              Download error report
            </Button>
          }
        >
          <ProblemTable caption="Problems found in the file, by line" rows={invalid} />
          <p className="mt-3 text-sm text-slate-600">
            Rows with errors are skipped. Fix them in your spreadsheet and upload just those rows afterwards.
          </p>
        </Card>
      )}
      {phase === "checked" && ready.length === 0 && (
        <p className="text-sm text-slate-700">
          No row can be imported yet: fix the errors above and upload the file again.
        </p>
      )}
      {phase === "checked" && ready.length > 0 && (
        <Button onClick={runImport}>
          Import {formatNumber(ready.length)} {ready.length === 1 ? "row" : "rows"}
        </Button>
      )}

      {(phase === "importing" || phase === "paused") && (
        <div ref={progressRef} tabIndex={-1} className="space-y-2 outline-none">
          <p id="import-progress-label" className="text-sm text-slate-700">
            Imported {formatNumber(results.length)} of {formatNumber(ready.length)} rows
          </p>
          <div
            role="progressbar"
            aria-labelledby="import-progress-label"
            aria-valuemin={0}
            aria-valuemax={ready.length}
            aria-valuenow={results.length}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className="h-full bg-brand-600 transition-[width]"
              style={{ width: `${ready.length ? (results.length / ready.length) * 100 : 0}%` }}
            />
          </div>
          {phase === "paused" && <Button onClick={runImport}>Resume import</Button>}
        </div>
      )}

      {phase === "done" && (
        <div
          ref={progressRef}
          tabIndex={-1}
          role="region"
          aria-label="Import results"
          className="space-y-6 outline-none"
        >
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Stat
              label="Registered"
              value={formatNumber(results.length - failed.length - conflicts.length)}
              tone="good"
            />
            <Stat
              label="Registered, in a conflict"
              value={formatNumber(conflicts.length)}
              tone={conflicts.length ? "warn" : undefined}
              hint="Saved; the vendor resolves the overlap"
            />
            <Stat
              label="Failed"
              value={formatNumber(failed.length)}
              tone={failed.length ? "warn" : undefined}
              hint="Not saved"
            />
          </div>
          {conflicts.length > 0 && (
            <Card title="Registered in a conflict">
              <ul className="space-y-1 text-sm">
                {conflicts.slice(0, SHOWN_PROBLEMS).map(
                  (r) =>
                    r.ok && (
                      <li key={r.line}>
                        Line {r.line}: {humanize(r.conflict)} —{" "}
                        <Link href={`/portal/registrations/${r.id}`} className="text-brand-700 hover:underline">
                          view registration
                        </Link>
                      </li>
                    ),
                )}
              </ul>
            </Card>
          )}
          {failed.length > 0 && (
            <Card
              title={`Rows not saved (${formatNumber(failed.length)})`}
              action={
                <Button variant="secondary" onClick={() => download(`${base}-failed.csv`, errorReportCsv(failed))}>
                  Download error report
                </Button>
              }
            >
              <ProblemTable caption="Rows that could not be saved, by line" rows={failed} />
            </Card>
          )}
          <div className="flex flex-wrap gap-3">
            <ButtonLink variant="primary" href="/portal/registrations">
              Go to My registrations
            </ButtonLink>
            <Button
              variant="secondary"
              onClick={() => {
                reset();
                document.getElementById("registrations-csv")?.focus();
              }}
            >
              Upload another file
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

type Problem = RowError & { id: string; line: number };

const PROBLEM_COLUMNS: Column<Problem>[] = [
  {
    header: "Line",
    className: "tabular-nums",
    cell: (p) => (
      <>
        <span className="md:hidden">Line </span>
        {p.line}
      </>
    ),
  },
  {
    header: "Column",
    cell: (p) => <span className="font-mono text-xs">{p.field === "row" ? "(whole row)" : p.field}</span>,
  },
  { header: "Problem", cell: (p) => p.message },
];

function ProblemTable({ caption, rows }: { caption: string; rows: { line: number; errors: RowError[] }[] }) {
  const all: Problem[] = rows.flatMap((r) => r.errors.map((e, i) => ({ ...e, id: `${r.line}:${i}`, line: r.line })));
  return (
    <div>
      <Table rows={all.slice(0, SHOWN_PROBLEMS)} columns={PROBLEM_COLUMNS} caption={caption} />
      {all.length > SHOWN_PROBLEMS && (
        <p className="px-3 py-2 text-xs text-slate-500">
          Showing the first {SHOWN_PROBLEMS} of {formatNumber(all.length)} problems. Download the error report for all
          of them.
        </p>
      )}
    </div>
  );
}
