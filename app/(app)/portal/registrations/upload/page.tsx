import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { BulkUpload } from "@/components/registrations/bulk-upload";
import { partnerContext } from "@/lib/auth/page";
import { listCountries, listProductLines } from "@/lib/db/reference";
import { CSV_COLUMNS, MAX_CSV_ROWS, type CsvColumn } from "@/lib/registrations/csv";
import { VERTICALS } from "@/lib/rules";

export const metadata: Metadata = { title: "Upload registrations" };

// A static file in public/, kept equal to TEMPLATE_CSV by tests/unit/registrations/csv.test.ts.
const TEMPLATE_HREF = "/templates/accord-registrations-template.csv";

export default async function UploadRegistrationsPage() {
  await partnerContext();
  const [countries, productLines] = await Promise.all([listCountries(), listProductLines()]);
  const lines = productLines.map((p) => p.name);
  const columns: Record<CsvColumn, [required: boolean, what: React.ReactNode]> = {
    account_name: [true, "The customer's company name, e.g. Fabrikam Health GmbH."],
    account_domain: [false, "The customer's website domain, e.g. fabrikam.example. Helps match the account."],
    country: [true, "Two-letter country code (ISO 3166), e.g. DE, US, BR."],
    vertical: [true, <>One of {VERTICALS.join(", ")}.</>],
    product_line: [true, <>One of {lines.join(", ") || "the vendor's product lines"}.</>],
    estimated_acv_usd: [true, "Estimated annual contract value in US dollars, e.g. 250000 or 250,000.50."],
    expected_close_date: [true, "YYYY-MM-DD, today or later, e.g. 2027-03-31."],
    description: [false, "What the customer needs and where the deal stands. Reviewers read this."],
  };

  return (
    <>
      <Link href="/portal/registrations" className="text-sm text-brand-700 hover:underline">
        ← My registrations
      </Link>
      <PageHeader
        title="Upload registrations"
        description={
          `Register up to ${MAX_CSV_ROWS.toLocaleString("en-US")} deals at once from a ` +
          `spreadsheet. Every row is checked before anything is saved, and each imported row is routed and reviewed like one entered in the form.`
        }
        actions={
          <a
            href={TEMPLATE_HREF}
            download="accord-registrations-template.csv"
            className={
              "inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-medium " +
              "text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            }
          >
            Download the template
          </a>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <BulkUpload productLines={lines} countries={countries.map((c) => c.code)} />
        </div>
        <Card title="The template" className="lg:col-span-2">
          <p className="text-sm text-slate-600">
            One row per deal, below a header row naming these columns (in any order). Save the file as CSV UTF-8 and put
            values that contain commas in double quotes.
          </p>
          <div className="mt-3">
            <Table
              layout="flush"
              caption="Columns of the registration template"
              rows={CSV_COLUMNS.map((c) => ({ id: c, required: columns[c][0], what: columns[c][1] }))}
              columns={[
                {
                  header: "Column",
                  cell: (c) => (
                    <span className="font-mono text-xs font-medium text-slate-800">
                      {c.id}
                      {!c.required && <span className="block font-sans font-normal text-slate-500">optional</span>}
                    </span>
                  ),
                },
                { header: "What to enter", cell: (c) => <span className="text-slate-700">{c.what}</span> },
              ]}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
