import type { Metadata } from "next";
import Link from "next/link";
import { CorridorGrid } from "@/components/pricing/corridor-grid";
import { NoAccess } from "@/components/shell/no-access";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listCorridorGrid } from "@/lib/db/pricing-corridors";

export const metadata: Metadata = { title: "Pricing corridors" };

export default async function PricingPage() {
  const ctx = await staffContext("pricing:read");
  if (!ctx.allowed) return <NoAccess what="Pricing corridors" />;
  const rows = await listCorridorGrid(ctx);
  const canEdit = can(ctx, "pricing:manage");
  return (
    <>
      <PageHeader
        title="Pricing corridors"
        description={
          "The maximum discount per product line and route. A deal discounted beyond its corridor is flagged on the deal " +
          "and in the opportunity list; won deals beyond it are the discount leakage."
        }
        actions={
          <Link href="/pricing/leakage" className="text-sm font-medium text-brand-700 hover:underline">
            Discount leakage report
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No product lines yet">
          Corridors are set per product line; add product lines first.
        </EmptyState>
      ) : (
        <CorridorGrid rows={rows} canEdit={canEdit} />
      )}
      <p className="mt-4 text-sm text-slate-600">
        {canEdit
          ? "Changing a corridor re-checks the open deals on it at once; closed deals keep the corridor they closed under. Every change is in the audit log."
          : "Channel operations set the corridors."}
      </p>
    </>
  );
}
