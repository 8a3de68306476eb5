import type { Metadata } from "next";
import { ProductLineForm, RegionForm, SegmentForm } from "@/components/admin/reference-forms";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { readReferenceData } from "@/lib/db/reference-admin";

export const metadata: Metadata = { title: "Reference data" };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function ReferenceDataPage() {
  const ctx = await staffContext("settings:manage");
  if (!ctx.allowed) return <NoAccess what="Reference data" />;
  const data = await readReferenceData(ctx);
  return (
    <>
      <PageHeader
        title="Reference data"
        description={
          "Regions with their countries and direct presence, product lines and segments. Routing reads them " +
          "for every decision, so a change applies from the next one; every change is in the audit log."
        }
      />
      <div className="space-y-6">
        <Card title="Regions">
          <ul className="divide-y divide-slate-100">
            {data.regions.map((r) => (
              <li key={r.id} className="py-4 first:pt-0">
                <p className="mb-2 text-sm text-slate-600">
                  <span className="font-semibold text-slate-800">{r.name}</span>:{" "}
                  {r.directPresence ? "direct presence" : "no direct presence"},{" "}
                  {count(r.countries.length, "country", "countries")}, {count(r._count.accounts, "account", "accounts")}
                  , {count(r._count.partners, "partner", "partners")}
                </p>
                <RegionForm region={r} />
              </li>
            ))}
            <li className="pt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">Add a region</h3>
              <RegionForm />
            </li>
          </ul>
        </Card>
        <Card title="Product lines">
          <ul className="divide-y divide-slate-100">
            {data.productLines.map((p) => (
              <li key={p.id} className="py-3 first:pt-0">
                <ProductLineForm line={p} />
                <p className="mt-1 text-xs text-slate-500">
                  Used by {p._count.opportunities} opportunities, {p._count.registrations} registrations and{" "}
                  {p._count.corridors} pricing corridors
                </p>
              </li>
            ))}
            <li className="pt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">Add a product line</h3>
              <ProductLineForm />
            </li>
          </ul>
        </Card>
        <Card title="Segments">
          <ul className="divide-y divide-slate-100">
            {data.segments.map((s) => (
              <li key={s.id} className="py-4 first:pt-0">
                <SegmentForm segment={s} />
              </li>
            ))}
            <li className="pt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">Add a segment</h3>
              <SegmentForm />
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
