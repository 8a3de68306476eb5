import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { NoAccess } from "@/components/shell/no-access";
import { ConflictList } from "@/components/conflicts/conflict-list";
import { sliceLabel } from "@/components/conflicts/labels";
import { listPage, staffContext } from "@/lib/auth/page";
import { listRegionCodes } from "@/lib/db/accounts";
import { listConflictAeOptions, listConflicts } from "@/lib/db/conflicts";
import { listPartnerOptions } from "@/lib/db/partners";
import { conflictListQuery } from "@/lib/validation/conflict-filters";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Conflicts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGING = ["after", "before", "sort", "dir", "pageSize"];

// Each tab is a view of the same list (a shareable link); the first is the caller's own slice.
function tabs(mine: string) {
  return [
    { label: mine, query: {} },
    { label: "Everything open", query: { slice: "all" } },
    { label: "Overdue", query: { slice: "all", overdue: "true" } },
    { label: "Resolved", query: { slice: "all", status: "RESOLVED", sort: "openedAt" } },
  ] as const;
}

export default async function ConflictsPage({ searchParams }: Props) {
  const ctx = await staffContext("conflict:read");
  if (!ctx.allowed) return <NoAccess what="Conflict cases" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = conflictListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const now = new Date();
  const [page, partners, regions, aes] = await Promise.all([
    listPage(listConflicts(ctx, parsed.data, now)),
    listPartnerOptions(ctx),
    listRegionCodes(ctx),
    listConflictAeOptions(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Cases where claims on one deal collide, the most urgent first. Open one to see the evidence and decide."
      />
      <nav aria-label="Views" className="-mt-3 mb-4 flex flex-wrap gap-2">
        {tabs(sliceLabel(ctx)).map((t) => {
          const entries = Object.entries(t.query) as [string, string][];
          const filters = (q: Record<string, string>) =>
            JSON.stringify(
              Object.entries(q)
                .filter(([k]) => !PAGING.includes(k))
                .sort(),
            );
          const active = filters(raw) === filters(t.query);
          return (
            <Link
              key={t.label}
              href={entries.length ? `/conflicts?${new URLSearchParams(entries)}` : "/conflicts"}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
                active
                  ? "bg-brand-50 text-brand-700 ring-brand-500/40"
                  : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      <ConflictList
        page={page}
        query={parsed.data}
        raw={raw}
        path="/conflicts"
        mode="staff"
        options={{ partners, regions, aes }}
        now={now}
      />
    </>
  );
}
