import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { NoAccess } from "@/components/shell/no-access";
import { Card, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { listPartnerChoices } from "@/lib/db/admin-users";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const ctx = await staffContext("user:manage");
  if (!ctx.allowed) return <NoAccess what="User administration" />;
  const partners = await listPartnerChoices(ctx);
  return (
    <>
      <PageHeader
        title="New user"
        description="The new user gets a one-time link to choose a password, shown here once and e-mailed to them."
      />
      <Card>
        <CreateUserForm partners={partners} />
      </Card>
    </>
  );
}
