import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrecedentLog } from "@/components/conflicts/precedent-log";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { listPage, staffContext } from "@/lib/auth/page";
import { precedentRegions, searchPrecedents } from "@/lib/db/conflict-precedent-log";
import { precedentSearchQuery } from "@/lib/validation/conflict-precedents";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Conflict precedents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PrecedentsPage({ searchParams }: Props) {
  const ctx = await staffContext("conflict:precedents");
  if (!ctx.allowed) return <NoAccess what="The precedent log" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = precedentSearchQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, regions] = await Promise.all([listPage(searchPrecedents(ctx, parsed.data)), precedentRegions(ctx)]);
  return (
    <>
      <PageHeader
        title="Conflict precedents"
        description="How past conflicts were decided: outcome, rationale and tags of every resolved case, to decide the next one consistently."
      />
      <PrecedentLog page={page} query={parsed.data} raw={raw} path="/conflicts/precedents" regions={regions} />
    </>
  );
}
