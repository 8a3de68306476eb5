import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeButton } from "@/components/api-keys/revoke-button";
import { Table } from "@/components/ui/table";
import { partnerContext } from "@/lib/auth/page";
import { listApiKeys } from "@/lib/db/api-keys";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await partnerContext();
  const keys = await listApiKeys(ctx);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          "Keys let your systems register deals and read your registrations through the " +
          "Accord API (Authorization: Bearer <key>). A key acts as your company."
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
            <Table
              layout="flush"
              caption="API keys"
              rows={keys}
              columns={[
                { header: "Name", className: "font-medium text-slate-800", cell: (k) => k.name },
                { header: "Key", className: "font-mono text-xs text-slate-600", cell: (k) => `acc_${k.prefix}_…` },
                {
                  header: "Created",
                  cell: (k) => `${formatDateTime(k.createdAt)}${k.createdBy ? ` · ${k.createdBy.name}` : ""}`,
                },
                { header: "Last used", cell: (k) => formatDateTime(k.lastUsedAt) },
                {
                  header: "Status",
                  cell: (k) => (k.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>),
                },
                {
                  header: "Actions",
                  hideHeader: true,
                  align: "right",
                  cell: (k) => !k.revokedAt && <RevokeButton id={k.id} name={k.name} />,
                },
              ]}
            />
          </Card>
        )}
      </div>
    </>
  );
}
