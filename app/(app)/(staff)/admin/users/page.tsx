import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageLinks } from "@/components/admin/page-links";
import { NoAccess } from "@/components/shell/no-access";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { Table } from "@/components/ui/table";
import { staffContext } from "@/lib/auth/page";
import { ROLES, ROLE_LABEL, TITLE_LABEL } from "@/lib/auth/types";
import { listUsers } from "@/lib/db/admin-users";
import { formatRelative } from "@/lib/format";
import { userListQuery } from "@/lib/validation/admin-users";
import { fromSearchParams } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const ctx = await staffContext("user:manage");
  if (!ctx.allowed) return <NoAccess what="User administration" />;
  const raw = fromSearchParams(await searchParams);
  const parsed = userListQuery.safeParse(raw);
  if (!parsed.success) notFound();
  const result = await listUsers(ctx, parsed.data);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who signs in to Accord: channel operations, partner managers, account executives, executives and partner users."
        actions={<ButtonLink href="/admin/users/new">New user</ButtonLink>}
      />
      <FilterBar
        path="/admin/users"
        values={raw}
        filters={[
          { kind: "search", name: "q", label: "Name or e-mail", placeholder: "Search users" },
          {
            kind: "select",
            name: "role",
            label: "Role",
            options: ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] })),
          },
          {
            kind: "select",
            name: "status",
            label: "Status",
            options: [
              { value: "active", label: "Active" },
              { value: "disabled", label: "Disabled" },
            ],
          },
        ]}
      />
      {result.items.length === 0 ? (
        <EmptyState
          title="No users match these filters"
          action={<ButtonLink href="/admin/users">Clear the filters</ButtonLink>}
        />
      ) : (
        <>
          <Table
            caption="Users"
            rows={result.items}
            columns={[
              {
                header: "Name",
                cell: (u) => (
                  <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 hover:underline">
                    {u.name}
                  </Link>
                ),
              },
              { header: "E-mail", cell: (u) => u.email },
              {
                header: "Role",
                cell: (u) => (u.title ? `${ROLE_LABEL[u.role]} (${TITLE_LABEL[u.title]})` : ROLE_LABEL[u.role]),
              },
              { header: "Partner", cell: (u) => u.partner?.name ?? "—" },
              {
                header: "Status",
                cell: (u) => (u.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Disabled</Badge>),
              },
              { header: "Changed", cell: (u) => formatRelative(u.updatedAt, now) },
            ]}
          />
          <PageLinks
            path="/admin/users"
            query={raw}
            page={result.page}
            pages={result.pages}
            total={result.total}
            shown={result.items.length}
          />
        </>
      )}
    </>
  );
}
