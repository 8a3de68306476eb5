// Notifications are written to the outbox in the same transaction as the change they announce;
// a job delivers them (e-mail when SMTP_URL is set) and the app lists them in-app.
import type { Tx } from "./connect";
import { isSql, json, newId, type Sql } from "./sql";

export type Notice = {
  kind: string;
  recipientUserId: string | null;
  recipientEmail: string;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
};

/** Takes the caller's Prisma transaction or plain-SQL transaction (lib/db/sql.ts). */
export async function notify(tx: Tx | Sql, notices: Notice[]) {
  if (notices.length === 0) return;
  const data = notices.map((n) => ({
    kind: n.kind,
    recipientUserId: n.recipientUserId,
    recipientEmail: n.recipientEmail,
    subject: n.subject,
    body: n.body,
    payload: (n.payload ?? {}) as object,
  }));
  if (!isSql(tx)) {
    await tx.outbox.createMany({ data });
    return;
  }
  const createdAt = new Date();
  for (const row of data)
    await tx.insert("Outbox", {
      id: newId(),
      ...row,
      payload: json(row.payload),
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: createdAt,
      createdAt,
    });
}
