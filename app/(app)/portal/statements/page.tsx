import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatementPicker } from "@/components/payouts/statement-picker";
import { StatementView } from "@/components/payouts/statement-view";
import { PageHeader } from "@/components/ui/card";
import { partnerContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { statementPage } from "@/lib/db/statement-page";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Statements" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The partner's own statement only: another party's (by URL) answers 404. */
export default async function PortalStatementsPage({ searchParams }: Props) {
  const ctx = await partnerContext();
  const page = await statementPage(ctx, fromSearchParams(await searchParams)).catch((error) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  if (!page?.statement) notFound();
  const s = page.statement;
  return (
    <>
      <PageHeader
        title="Statements"
        description="Your margin on the deals won in the period, with the rule behind each line, and any adjustments. Dispute a line if the credit is wrong."
      />
      <StatementPicker
        path="/portal/statements"
        period={page.period}
        periods={page.periods}
        party={null}
        parties={[]}
      />
      <StatementView
        statement={s}
        exportHref={`/api/v1/statements/export?${new URLSearchParams({ period: page.period.label })}`}
        dealHref={null}
        casePath="/portal/conflicts"
        canDispute={can(ctx, "attribution:dispute")}
        canAdjust={false}
      />
    </>
  );
}
