import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/shell/no-access";
import { AuditList } from "@/components/audit/audit-list";
import { listPage, staffContext } from "@/lib/auth/page";
import { listAuditEvents, listAuditFacets } from "@/lib/db/audit-events";
import { auditEventListQuery, fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await staffContext("audit:read");
  if (!ctx.allowed) return <NoAccess what="The audit log" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = auditEventListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, facets] = await Promise.all([listPage(listAuditEvents(ctx, parsed.data)), listAuditFacets(ctx)]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change with its actor, newest first. The log is append-only: entries are never edited or deleted."
      />
      <AuditList page={page} query={parsed.data} raw={raw} path="/audit" facets={facets} />
    </>
  );
}
