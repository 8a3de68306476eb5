// Outbox delivery through a real SMTP server on loopback (smtp-server), not a stub: pending
// notifications are sent once and marked SENT; a failing server leaves them PENDING for a retry
// after a backoff (tests/integration/faults/smtp.test.ts covers outages end to end).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db/client";
import { deliverOutbox } from "@/lib/jobs/outbox-jobs";

const received: { to: string[]; body: string }[] = [];
let port = 0;
let reject = false;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    stream.on("end", () => {
      if (reject) return callback(new Error("mailbox unavailable"));
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("outbox delivery", () => {
  it("sends nothing without SMTP_URL", async () => {
    expect(await deliverOutbox(db, new Date(), {})).toBe(0);
  });

  it("e-mails pending notifications once and marks them sent; failures stay pending", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "pm@accord.test" } });
    await db.outbox.deleteMany({});
    await db.outbox.createMany({
      data: [
        {
          kind: "test",
          recipientUserId: user.id,
          recipientEmail: user.email,
          subject: "Decide Northwind's registration",
          body: "Due tomorrow.",
        },
        {
          kind: "test",
          recipientUserId: user.id,
          recipientEmail: user.email,
          subject: "Second notice",
          body: "Also due.",
        },
      ],
    });
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "Accord <accord@example.test>" };

    reject = true;
    const now = new Date();
    expect(await deliverOutbox(db, now, env)).toBe(0);
    expect(
      await db.outbox.count({
        where: { status: "PENDING", attempts: 1, lastError: { contains: "mailbox unavailable" } },
      }),
    ).toBe(2);

    reject = false;
    // not before the backoff (one minute, ±20 %) has passed
    expect(await deliverOutbox(db, new Date(now.getTime() + 30_000), env)).toBe(0);
    expect(await deliverOutbox(db, new Date(now.getTime() + 2 * 60_000), env)).toBe(2);
    expect(received).toHaveLength(2);
    expect(received[0].to).toEqual(["pm@accord.test"]);
    expect(received.map((m) => m.body).join("\n")).toContain("Subject: Decide Northwind's registration");
    expect(await db.outbox.count({ where: { status: "SENT" } })).toBe(2);

    expect(await deliverOutbox(db, new Date(now.getTime() + 60 * 60_000), env)).toBe(0);
    expect(received).toHaveLength(2);
  });
});
