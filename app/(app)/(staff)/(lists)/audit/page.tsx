import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { hrefWith } from "@/components/ui/url";
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
  if (!parsed.success) {
    // an end date before the start date is a mistake in the form, not a bad link: say so
    const range = parsed.error.issues.find((i) => i.path[0] === "to" && i.code === "custom");
    if (!range) notFound();
    return (
      <>
        <Header exportHref={null} />
        <Notice tone="amber" title="Check the dates">
          {range.message}.{" "}
          <Link href="/audit" className="underline">
            Start again
          </Link>{" "}
          or go back and change the dates.
        </Notice>
      </>
    );
  }
  const [page, facets] = await Promise.all([listPage(listAuditEvents(ctx, parsed.data)), listAuditFacets(ctx)]);
  const { q, action, entityType, actor, from, to, dir } = raw;
  const exportHref = hrefWith("/api/v1/audit-events/export", {}, { q, action, entityType, actor, from, to, dir });
  return (
    <>
      <Header exportHref={page.items.length ? exportHref : null} />
      <AuditList page={page} query={parsed.data} raw={raw} path="/audit" facets={facets} />
    </>
  );
}

function Header({ exportHref }: { exportHref: string | null }) {
  return (
    <PageHeader
      title="Audit log"
      description="Every change with its actor, newest first. The log is append-only: entries are never edited or deleted."
      actions={
        exportHref ? (
          <ButtonLink href={exportHref} prefetch={false} download>
            Export CSV
          </ButtonLink>
        ) : undefined
      }
    />
  );
}
