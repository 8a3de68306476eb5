import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ConflictList } from "@/components/conflicts/conflict-list";
import { listPage, partnerContext } from "@/lib/auth/page";
import { listConflicts } from "@/lib/db/conflicts";
import { conflictListQuery } from "@/lib/validation/conflict-filters";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Conflicts" };

// Only the filters a partner can use on its own cases: which partner or AE is party is the vendor's to know.
const partnerQuery = conflictListQuery.pick({
  sort: true,
  dir: true,
  after: true,
  before: true,
  pageSize: true,
  q: true,
  type: true,
  status: true,
});

export default async function PortalConflictsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await partnerContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = partnerQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const query = conflictListQuery.parse({ ...parsed.data });
  const now = new Date();
  const page = await listPage(listConflicts(ctx, query, now));
  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Cases where another claim overlaps one of your registrations: their status, the outcome and why."
      />
      <ConflictList page={page} query={query} raw={raw} path="/portal/conflicts" mode="partner" now={now} />
    </>
  );
}
