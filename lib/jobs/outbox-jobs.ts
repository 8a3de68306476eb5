// Delivers outbox notifications by e-mail when SMTP_URL is set (nodemailer); they are always
// listed in-app as well. A failed send is retried on later runs, up to 5 attempts.
import nodemailer from "nodemailer";
import type { Db } from "@/lib/db/connect";

const MAX_ATTEMPTS = 5;

export async function deliverOutbox(db: Db, now: Date, env: Record<string, string | undefined> = process.env): Promise<number> {
  if (!env.SMTP_URL) return 0;
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const from = env.SMTP_FROM ?? "Accord <no-reply@accord.local>";
  const pending = await db.outbox.findMany({ where: { status: "PENDING", attempts: { lt: MAX_ATTEMPTS } }, orderBy: { createdAt: "asc" }, take: 100 });
  let sent = 0;
  for (const message of pending) {
    try {
      await transport.sendMail({ from, to: message.recipientEmail, subject: message.subject, text: message.body });
      await db.outbox.update({ where: { id: message.id }, data: { status: "SENT", sentAt: now, attempts: { increment: 1 }, lastError: null } });
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db.outbox.update({ where: { id: message.id }, data: { attempts, status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", lastError: String(error).slice(0, 500) } });
    }
  }
  transport.close();
  return sent;
}
