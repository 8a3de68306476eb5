// Notifications are written to the outbox in the same transaction as the change they announce;
// a job delivers them (e-mail when SMTP_URL is set) and the app lists them in-app.
import type { Tx } from "./connect";

export type Notice = { kind: string; recipientUserId: string | null; recipientEmail: string; subject: string; body: string; payload?: Record<string, unknown> };

export async function notify(tx: Tx, notices: Notice[]) {
  if (notices.length === 0) return;
  await tx.outbox.createMany({
    data: notices.map((n) => ({ kind: n.kind, recipientUserId: n.recipientUserId, recipientEmail: n.recipientEmail, subject: n.subject, body: n.body, payload: (n.payload ?? {}) as object })),
  });
}
