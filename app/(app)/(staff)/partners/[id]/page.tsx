import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { PartnerDetailView } from "@/components/partners/partner-detail";
import { staffContext } from "@/lib/auth/page";
import { findPartner } from "@/lib/db/partners";
import { humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Partner" };

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const detail = await findPartner(ctx, (await params).id);
  if (!detail) notFound();
  const { partner } = detail;
  return (
    <>
      <Link href="/partners" className="text-sm text-brand-700 hover:underline">
        ← Partners
      </Link>
      <PageHeader
        title={partner.name}
        description={`${humanize(partner.tier)} ${humanize(partner.type).toLowerCase()} · managed by ${partner.manager?.name ?? "nobody yet"}`}
      />
      <PartnerDetailView detail={detail} />
    </>
  );
}
