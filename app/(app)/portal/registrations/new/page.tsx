import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { RegistrationForm, type CountryChoice } from "@/components/registrations/registration-form";
import { partnerContext } from "@/lib/auth/page";
import { DEFAULT_LOCALE } from "@/lib/format";
import { listCountries, listProductLines } from "@/lib/db/reference";

export const metadata: Metadata = { title: "Register a deal" };

export default async function NewRegistrationPage() {
  await partnerContext();
  const [countries, productLines] = await Promise.all([listCountries(), listProductLines()]);
  // names are resolved here, once, so the server render and the browser agree on every label
  const names = new Intl.DisplayNames([DEFAULT_LOCALE], { type: "region" });
  const choices: CountryChoice[] = countries.map((c) => ({ ...c, name: names.of(c.code) ?? c.code }));
  return (
    <>
      <Link href="/portal/registrations" className="text-sm text-brand-700 hover:underline">
        ← My registrations
      </Link>
      <PageHeader
        title="Register a deal"
        description="Register an opportunity to protect it. You see the expected route as you type; the vendor decides within two business days."
      />
      <RegistrationForm countries={choices} productLines={productLines.map((p) => p.name)} />
    </>
  );
}
