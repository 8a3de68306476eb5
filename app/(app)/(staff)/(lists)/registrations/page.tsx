import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { RegistrationList } from "@/components/registrations/registration-list";
import { listRegionCodes } from "@/lib/db/accounts";
import { listPage, staffContext } from "@/lib/auth/page";
import { listPartnerOptions } from "@/lib/db/partners";
import { listRegistrations } from "@/lib/db/registrations";
import { fromSearchParams, registrationListQuery } from "@/lib/validation/lists";
import { notFound } from "next/navigation";
import type { Role } from "@/lib/auth/types";

// what the list holds for each role (lib/db/scope.ts registrationScope), in words
const DESCRIPTION: Partial<Record<Role, string>> = {
  PARTNER_MANAGER: "Registrations from the partners you manage.",
  AE: "Partner registrations on accounts you own.",
};

export const metadata: Metadata = { title: "Registrations" };

// The approval queue as a shareable link: undecided registrations, the nearest SLA first.
const QUICK_FILTERS = [
  { label: "Awaiting decision (most urgent first)", query: { status: "SUBMITTED", sort: "slaDueAt", dir: "asc" } },
  { label: "All registrations", query: {} },
] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegistrationsPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = registrationListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, partners, regions] = await Promise.all([
    listPage(listRegistrations(ctx, parsed.data)),
    listPartnerOptions(ctx),
    listRegionCodes(ctx),
  ]);
  const description = DESCRIPTION[ctx.role] ?? "Every partner deal registration.";
  return (
    <>
      <PageHeader title="Deal registrations" description={description} />
      <nav aria-label="Quick filters" className="-mt-3 mb-4 flex flex-wrap gap-2">
        {QUICK_FILTERS.map((f) => {
          const entries = Object.entries(f.query) as [string, string][];
          // paging through the view keeps it current; any other parameter makes it a different view
          const active =
            Object.keys(raw).filter((k) => k !== "after" && k !== "before").length === entries.length &&
            entries.every(([k, v]) => raw[k] === v);
          return (
            <Link
              key={f.label}
              href={entries.length ? `/registrations?${new URLSearchParams(entries)}` : "/registrations"}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
                active
                  ? "bg-brand-50 text-brand-700 ring-brand-500/40"
                  : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {f.label}
            </Link>
          );
        })}
      </nav>
      <RegistrationList
        page={page}
        query={parsed.data}
        raw={raw}
        path="/registrations"
        showPartner
        partnerOptions={partners}
        regionOptions={regions}
        now={new Date()}
      />
    </>
  );
}
