import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/shell/no-access";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { staffContext } from "@/lib/auth/page";
import { opportunityFormOptions } from "@/lib/db/opportunity-forms";

export const metadata: Metadata = { title: "New opportunity" };

export default async function NewOpportunityPage() {
  const ctx = await staffContext("opportunity:create");
  if (!ctx.allowed) return <NoAccess what="Creating opportunities" />;
  const options = await opportunityFormOptions(ctx);
  return (
    <>
      <Link href="/opportunities" className="text-sm text-brand-700 hover:underline">
        ← Opportunities
      </Link>
      <PageHeader
        title="New opportunity"
        description="Creating the deal claims it: the rules of engagement in force decide its route, and the decision is kept with the deal."
      />
      <OpportunityForm mode="create" options={options} />
    </>
  );
}
