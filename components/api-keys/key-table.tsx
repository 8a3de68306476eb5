// The list of API keys (never their secret): the portal's keys page and the admin keys page.
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";
import { RevokeButton } from "./revoke-button";

type Key = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string } | null;
};

export function KeyTable({ keys, now }: { keys: Key[]; now: Date }) {
  return (
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
        { header: "Last used", cell: (k) => (k.lastUsedAt ? formatRelative(k.lastUsedAt, now) : "Never") },
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
  );
}
