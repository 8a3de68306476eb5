import type { Metadata } from "next";
import Link from "next/link";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { KeyTable } from "@/components/api-keys/key-table";
import { NoAccess } from "@/components/shell/no-access";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { listApiKeys } from "@/lib/db/api-keys";

export const metadata: Metadata = { title: "Admin API keys" };

export default async function AdminApiKeysPage() {
  const ctx = await staffContext("apikey:manage");
  if (!ctx.allowed) return <NoAccess what="Admin API keys" />;
  const keys = await listApiKeys(ctx);
  return (
    <>
      <PageHeader
        title="Admin API keys"
        description={
          <>
            An admin key acts as channel operations on the whole API (Authorization: Bearer &lt;key&gt;): give one to
            each system, so you can revoke them one by one.{" "}
            <Link href="/api-docs" className="font-medium text-brand-700 underline">
              Read the API documentation
            </Link>
            .
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Create an admin key">
          <CreateKeyForm />
        </Card>
        {keys.length === 0 ? (
          <EmptyState title="No admin API keys yet">Create one for the first system that talks to Accord.</EmptyState>
        ) : (
          <Card title="Admin keys">
            <KeyTable keys={keys} now={new Date()} />
          </Card>
        )}
      </div>
    </>
  );
}
