import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditUserForm } from "@/components/admin/edit-user-form";
import { NoAccess } from "@/components/shell/no-access";
import { Card, DefinitionList, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { ROLE_LABEL, TITLE_LABEL } from "@/lib/auth/types";
import { getUserForAdmin, listPartnerChoices } from "@/lib/db/admin-users";
import { isAppError } from "@/lib/errors";
import { formatDate, formatRelative } from "@/lib/format";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const ctx = await staffContext("user:manage");
  if (!ctx.allowed) return <NoAccess what="User administration" />;
  const { id } = await params;
  const user = await getUserForAdmin(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const partners = await listPartnerChoices(ctx);
  const now = new Date();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 hover:underline">
          ← Users
        </Link>
      </p>
      <PageHeader title={user.name} description={user.email} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account">
          <DefinitionList
            items={[
              ["Role", user.title ? `${ROLE_LABEL[user.role]} (${TITLE_LABEL[user.title]})` : ROLE_LABEL[user.role]],
              ["Partner", user.partner?.name ?? "—"],
              ["Status", user.active ? "Active" : "Disabled"],
              ["Created", formatDate(user.createdAt)],
              ["Last changed", formatRelative(user.updatedAt, now)],
            ]}
          />
        </Card>
        <Card title="Change role or access">
          <EditUserForm user={user} partners={partners} />
        </Card>
      </div>
    </>
  );
}
