import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { AccountDetailView } from "@/components/accounts/account-detail";
import { NamedAccountBadge } from "@/components/accounts/named-account-badge";
import { staffContext } from "@/lib/auth/page";
import { findAccount } from "@/lib/db/accounts";
import { humanize } from "@/lib/format";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await staffContext();
  const detail = await findAccount(ctx, (await params).id);
  if (!detail) notFound();
  const { account } = detail;
  return (
    <>
      <Link href="/accounts" className="text-sm text-brand-700 hover:underline">
        ← Accounts
      </Link>
      <PageHeader
        title={account.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {humanize(account.tier)} · {humanize(account.vertical)} · {account.country}
            {account.namedAccount && <NamedAccountBadge />}
          </span>
        }
      />
      <AccountDetailView detail={detail} />
    </>
  );
}
