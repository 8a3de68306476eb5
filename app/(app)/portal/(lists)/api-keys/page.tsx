import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeButton } from "@/components/api-keys/revoke-button";
import { partnerContext } from "@/lib/auth/page";
import { listApiKeys } from "@/lib/db/api-keys";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await partnerContext();
  const keys = await listApiKeys(ctx);
  return (
    <>
      <PageHeader title="API keys" description="Keys let your systems register deals and read your registrations through the Accord API (Authorization: Bearer <key>). A key acts as your company." />
      <div className="space-y-6">
        <Card title="Create a key"><CreateKeyForm /></Card>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one for each system that talks to Accord, so you can revoke them one by one.</EmptyState>
        ) : (
          <Card title="Your company's keys">
            <table className="min-w-full text-sm">
              <caption className="sr-only">API keys</caption>
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                  <th scope="col" className="py-2">Name</th><th scope="col">Key</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => (
                  <tr key={k.id}>
                    <td className="py-2 font-medium text-slate-800">{k.name}</td>
                    <td className="font-mono text-xs text-slate-600">acc_{k.prefix}_…</td>
                    <td>{formatDateTime(k.createdAt)}{k.createdBy ? ` · ${k.createdBy.name}` : ""}</td>
                    <td>{formatDateTime(k.lastUsedAt)}</td>
                    <td>{k.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</td>
                    <td className="text-right">{!k.revokedAt && <RevokeButton id={k.id} name={k.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </>
  );
}
