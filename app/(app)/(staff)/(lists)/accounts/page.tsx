import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { AccountList } from "@/components/accounts/account-list";
import { listPage, staffContext } from "@/lib/auth/page";
import { listAccounts, listRegionCodes } from "@/lib/db/accounts";
import { accountListQuery, fromSearchParams } from "@/lib/validation/lists";
import type { Role } from "@/lib/auth/types";

// roles whose account list is their own book (lib/db/scope.ts accountScope), for the wording
const OWN_BOOK: Partial<Record<Role, true>> = { AE: true };

export const metadata: Metadata = { title: "Accounts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  const ctx = await staffContext();
  const raw = fromSearchParams(await searchParams);
  const parsed = accountListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const [page, regions] = await Promise.all([listPage(listAccounts(ctx, parsed.data)), listRegionCodes(ctx)]);
  const mine = OWN_BOOK[ctx.role] === true || (parsed.data.ownerId !== undefined && parsed.data.ownerId === ctx.userId);
  const description = mine
    ? "Accounts you own or sell into. Named accounts are reserved for the direct team."
    : "Customer accounts with their region, vertical, tier and owning AE.";
  const emptyHint = OWN_BOOK[ctx.role]
    ? "Accounts assigned to you, or where you own an opportunity, appear here."
    : "Accounts arrive from the CRM import and from matched partner registrations.";
  return (
    <>
      <PageHeader title="Accounts" description={description} />
      <AccountList
        page={page}
        query={parsed.data}
        raw={raw}
        path="/accounts"
        regionOptions={regions}
        emptyHint={emptyHint}
      />
    </>
  );
}
