// The staff page's funds, filtered by quarter and partner and paged on the server (lib/db/mdf.ts
// pageMdfFunds); the filters are URL params of their own (fundQuarter, fundPartnerId, fundPage), so
// the requests' tab and page above stay as they are.
import { EmptyState } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageNav } from "@/components/ui/page-nav";
import type { MdfFundRow } from "@/lib/db/mdf";
import type { MdfListQuery } from "@/lib/validation/mdf";
import { MdfFundTable } from "./mdf-tables";

type Page = { rows: MdfFundRow[]; total: number; page: number; pages: number };

export function MdfFundSection({
  path,
  query,
  page,
  quarters,
  partners,
  now,
}: {
  path: string;
  query: MdfListQuery;
  page: Page;
  quarters: string[];
  partners: { id: string; name: string }[];
  now: Date;
}) {
  const href = (fundPage: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, fundPage: fundPage > 1 ? fundPage : undefined }))
      if (v !== undefined && v !== "") sp.set(k, String(v));
    return `${path}?${sp.toString()}#mdf-funds-heading`;
  };
  const filtered = Boolean(query.fundQuarter || query.fundPartnerId);
  return (
    <section aria-labelledby="mdf-funds-heading" className="space-y-3">
      <h2 id="mdf-funds-heading" className="text-base font-semibold text-slate-900">
        Funds
      </h2>
      <FilterBar
        path={path}
        filters={[
          {
            kind: "select",
            name: "fundQuarter",
            label: "Quarter",
            options: quarters.map((q) => ({ value: q, label: q })),
          },
          {
            kind: "select",
            name: "fundPartnerId",
            label: "Partner",
            options: partners.map((p) => ({ value: p.id, label: p.name })),
          },
        ]}
        values={{ fundQuarter: query.fundQuarter, fundPartnerId: query.fundPartnerId }}
        keep={{ status: query.status, page: query.page ? String(query.page) : undefined }}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? "No funds match these filters" : "No funds yet"}>
          {filtered
            ? "Clear a filter to see every fund."
            : "Funds are allocated per quarter to a partner or a motion; partners then request against them."}
        </EmptyState>
      ) : (
        <>
          <MdfFundTable funds={page.rows} now={now} showOwner />
          <PageNav
            label="Funds pages"
            page={page.page}
            pages={page.pages}
            total={page.total}
            noun="funds"
            href={href}
          />
        </>
      )}
    </section>
  );
}
