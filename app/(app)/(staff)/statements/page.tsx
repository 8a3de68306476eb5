import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatementPicker } from "@/components/payouts/statement-picker";
import { StatementView } from "@/components/payouts/statement-view";
import { NoAccess } from "@/components/shell/no-access";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { statementPage } from "@/lib/db/statement-page";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Payout statements" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatementsPage({ searchParams }: Props) {
  const ctx = await staffContext("payout:read");
  if (!ctx.allowed) return <NoAccess what="Payout statements" />;
  const page = await statementPage(ctx, fromSearchParams(await searchParams)).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!page) notFound();
  const s = page.statement;
  const exportHref = s
    ? `/api/v1/statements/export?${new URLSearchParams({ party: page.party!, period: page.period.label })}`
    : "";
  return (
    <>
      <PageHeader
        title="Payout statements"
        description={
          "Won deals closed in the period with each party's final attribution — category, credit, quota credit, " +
          "SPIFF or margin, and the rule that produced it — plus adjustments."
        }
      />
      <StatementPicker
        path="/statements"
        period={page.period}
        periods={page.periods}
        party={page.party}
        parties={page.parties}
      />
      {s ? (
        <StatementView
          statement={s}
          exportHref={exportHref}
          dealHref={(id) => `/opportunities/${id}`}
          casePath="/conflicts"
          canDispute={can(ctx, "attribution:dispute")}
          canAdjust={can(ctx, "payout:adjust")}
        />
      ) : (
        <EmptyState title="Pick a statement">
          Choose an account executive or a partner above to see their statement for the period.
        </EmptyState>
      )}
    </>
  );
}
