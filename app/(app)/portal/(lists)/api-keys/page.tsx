import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { KeyTable } from "@/components/api-keys/key-table";
import { partnerContext } from "@/lib/auth/page";
import { listApiKeys } from "@/lib/db/api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await partnerContext();
  const keys = await listApiKeys(ctx);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let your systems register deals and read your registrations through the Accord API (Authorization:
            Bearer &lt;key&gt;). A key acts as your company.{" "}
            <Link href="/api-docs" className="font-medium text-brand-700 underline">
              Read the API documentation
            </Link>
            .
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Create a key">
          <CreateKeyForm />
        </Card>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Create one for each system that talks to Accord, so you can revoke them one by one.
          </EmptyState>
        ) : (
          <Card title="Your company's keys">
            <KeyTable keys={keys} now={new Date()} />
          </Card>
        )}
      </div>
    </>
  );
}
