// The MDF requests by status (tabs: each count links to exactly the requests it counts), a page of
// 25 at a time, for the staff page and the portal.
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageNav } from "@/components/ui/page-nav";
import type { MdfRequestRow } from "@/lib/db/mdf";
import { humanize } from "@/lib/format";
import { MDF_STATUSES, type MdfStatus } from "@/lib/mdf/state";
import { MdfRequestTable } from "./mdf-tables";

type Page = { rows: MdfRequestRow[]; total: number; page: number; pages: number };

export function MdfRequestQueue({
  path,
  status,
  counts,
  page,
  now,
  showPartner,
  dealPath,
  actions,
  empty,
}: {
  path: string;
  status: MdfStatus | undefined;
  counts: Record<MdfStatus, number>;
  page: Page;
  now: Date;
  showPartner: boolean;
  dealPath?: string;
  actions: (r: MdfRequestRow) => React.ReactNode;
  empty: string;
}) {
  const href = (s: MdfStatus | undefined, p?: number) => {
    const sp = new URLSearchParams();
    if (s) sp.set("status", s);
    if (p && p > 1) sp.set("page", String(p));
    const q = sp.toString();
    return q ? `${path}?${q}` : path;
  };
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs: [MdfStatus | undefined, string, number][] = [
    [undefined, "All", all],
    ...MDF_STATUSES.map((s) => [s, humanize(s), counts[s]] as [MdfStatus, string, number]),
  ];
  return (
    <section aria-labelledby="mdf-requests-heading" className="space-y-3">
      <h2 id="mdf-requests-heading" className="text-base font-semibold text-slate-900">
        Requests
      </h2>
      <nav aria-label="Requests by status" className="flex flex-wrap gap-2 text-sm">
        {tabs.map(([s, label, n]) => (
          <Link
            key={label}
            href={href(s)}
            aria-current={s === status ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 ring-1",
              s === status ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300",
            )}
          >
            {label} ({n})
          </Link>
        ))}
      </nav>
      {page.rows.length === 0 ? (
        <EmptyState title="No requests here">{empty}</EmptyState>
      ) : (
        <>
          <MdfRequestTable rows={page.rows} now={now} showPartner={showPartner} dealPath={dealPath} actions={actions} />
          <PageNav
            page={page.page}
            pages={page.pages}
            total={page.total}
            noun="requests"
            href={(p) => href(status, p)}
          />
        </>
      )}
    </section>
  );
}
