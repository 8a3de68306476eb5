// Regression: during an SMTP outage the outbox gave up after 5 attempts a minute apart (about 9
// minutes), silently, and the FAILED rows were never resent. A real SMTP server on loopback
// (smtp-server) goes down and comes back; the clock is injected.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db/client";
import { deliverOutbox, messageIdFor } from "@/lib/jobs/outbox-jobs";
import { getOutboxSummary, listOutboxMessages, retryAllOutbox, retryOutboxMessage } from "@/lib/db/outbox-admin";
import { outboxListQuery } from "@/lib/validation/lists";
import { ctxFor } from "../../support/contexts";

const HOUR = 3_600_000;
const received = new Map<string, number>(); // Message-ID → deliveries
let connections = 0;
let server: SMTPServer | null = null;
let port = 0;

function startServer(listenPort: number): Promise<number> {
  const s = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(body)?.[1] ?? "missing";
        received.set(id, (received.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  server = s;
  return new Promise((resolve) =>
    s.listen(listenPort, "127.0.0.1", () => resolve((s.server.address() as AddressInfo).port)),
  );
}

function stopServer(): Promise<void> {
  const s = server;
  server = null;
  return s ? new Promise((resolve) => s.close(() => resolve())) : Promise.resolve();
}

const env = () => ({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "Accord <accord@example.test>" });
const steady = () => 0.5; // jitter factor 1.0: the schedule below is exact

async function seedMessages(n: number, at: Date): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { email: "pm@accord.test" } });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = await db.outbox.create({
      data: {
        kind: "test",
        recipientUserId: user.id,
        recipientEmail: user.email,
        subject: `Notice ${i}`,
        body: `Body ${i}`,
        createdAt: at,
        nextAttemptAt: at,
      },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Runs delivery at each next due time (as the minute scheduler would) until `until`. */
async function runUntil(from: Date, until: Date, log: (line: string) => void): Promise<{ runs: number; at: Date }> {
  let now = from;
  let runs = 0;
  while (now < until) {
    await deliverOutbox(db, now, env(), { log, random: steady });
    runs++;
    const next = await db.outbox.findFirst({
      where: { status: "PENDING" },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!next) break;
    now = new Date(Math.max(next.nextAttemptAt.getTime(), now.getTime() + 60_000));
  }
  return { runs, at: now };
}

beforeEach(async () => {
  await db.outbox.deleteMany({});
  received.clear();
  connections = 0;
  // a port that was just free and is now closed: the SMTP server is down
  port = await startServer(0);
  await stopServer();
});
afterEach(stopServer);

describe("e-mail through an SMTP outage", () => {
  it("keeps retrying with backoff for 24 h, one log line per failure, then delivers each message exactly once over one connection", async () => {
    const t0 = new Date("2027-01-11T08:00:00.000Z");
    const ids = await seedMessages(5, t0);
    const lines: string[] = [];

    const first = await deliverOutbox(db, t0, env(), { log: (l) => lines.push(l), random: steady });
    expect(first).toBe(0);
    const afterFirst = await db.outbox.findMany({ where: { id: { in: ids } } });
    // backoff starts at one minute; the failure is recorded, not lost
    for (const row of afterFirst)
      expect(row).toMatchObject({
        status: "PENDING",
        attempts: 1,
        nextAttemptAt: new Date(t0.getTime() + 60_000),
        failingSince: t0,
      });
    expect(afterFirst[0].lastError).toMatch(/ECONNREFUSED|connect/i);

    const { runs } = await runUntil(new Date(t0.getTime() + 60_000), new Date(t0.getTime() + 23.5 * HOUR), (l) =>
      lines.push(l),
    );
    const rows = await db.outbox.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "PENDING")).toBe(true);
    const attempts = rows[0].attempts;
    expect(rows.every((r) => r.attempts === attempts)).toBe(true);
    // 1, 2, 4, … 32 minutes, then hourly: about 28 attempts in 23.5 h, not 5
    expect(attempts).toBeGreaterThanOrEqual(25);
    expect(attempts).toBeLessThanOrEqual(30);
    expect(runs + 1).toBe(attempts);
    // exactly one single-line entry per failed attempt, naming the message, attempt and next try
    expect(lines).toHaveLength(ids.length * attempts);
    for (const id of ids)
      for (let n = 1; n <= attempts; n++)
        expect(lines.filter((l) => l.includes(id) && l.includes(`attempt ${n} failed`))).toHaveLength(1);
    for (const line of lines) {
      expect(line).toMatch(/^\[outbox\] \S+ attempt \d+ failed: .+; next attempt \d{4}-\d\d-\d\dT/);
      expect(line).not.toMatch(/\n|\s+at\s+\S+\s+\(/);
    }

    // the server comes back on the same address
    await startServer(port);
    const back = new Date(Math.max(...rows.map((r) => r.nextAttemptAt.getTime())));
    expect(await deliverOutbox(db, back, env(), { log: (l) => lines.push(l), random: steady })).toBe(ids.length);
    expect(await deliverOutbox(db, new Date(back.getTime() + HOUR), env(), { random: steady })).toBe(0);
    expect([...received.entries()].sort()).toEqual(ids.map((id) => [messageIdFor(id), 1]).sort());
    expect(connections).toBe(1);
    const sent = await db.outbox.findMany({ where: { id: { in: ids } } });
    for (const row of sent)
      expect(row).toMatchObject({
        status: "SENT",
        sentAt: back,
        attempts: attempts + 1,
        lastError: null,
        failingSince: null,
        leaseToken: null,
      });
  });

  it("gives up only after 24 h of failures (FAILED with the last error); ops' retry now delivers it, audited", async () => {
    const t0 = new Date("2027-01-12T08:00:00.000Z");
    const [one, two] = await seedMessages(2, t0);
    const lines: string[] = [];
    const { at } = await runUntil(t0, new Date(t0.getTime() + 30 * HOUR), (l) => lines.push(l));
    const failed = await db.outbox.findMany({ where: { id: { in: [one, two] } } });
    for (const row of failed) {
      expect(row.status).toBe("FAILED");
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    expect(at.getTime() - t0.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    expect(lines.filter((l) => l.includes("giving up → FAILED"))).toHaveLength(2);

    const ops = await ctxFor("ops@accord.test");
    const pm = await ctxFor("pm@accord.test");
    const summary = await getOutboxSummary(ops);
    expect(summary).toMatchObject({ failed: 2, backlog: 0 });
    const page = await listOutboxMessages(ops, outboxListQuery.parse({ status: "FAILED" }));
    expect(page.items.map((r) => r.id).sort()).toEqual([one, two].sort());
    await expect(getOutboxSummary(pm)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryOutboxMessage(pm, one)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryOutboxMessage(ops, "no-such-message")).rejects.toMatchObject({ code: "NOT_FOUND" });

    await startServer(port);
    const later = new Date(t0.getTime() + 31 * HOUR);
    await retryOutboxMessage(ops, one, later);
    expect(await deliverOutbox(db, later, env(), { random: steady })).toBe(1);
    expect(await retryAllOutbox(ops, later)).toEqual({ count: 1 });
    expect(await deliverOutbox(db, later, env(), { random: steady })).toBe(1);
    expect(await deliverOutbox(db, new Date(later.getTime() + HOUR), env(), { random: steady })).toBe(0);
    expect([...received.entries()].sort()).toEqual([one, two].map((id) => [messageIdFor(id), 1]).sort());
    expect(await db.auditEvent.count({ where: { action: "outbox.retry", entityId: one, actorId: ops.userId } })).toBe(
      1,
    );
    expect(await db.auditEvent.count({ where: { action: "outbox.retry_all", actorId: ops.userId } })).toBe(1);
    expect(await retryAllOutbox(ops, later)).toEqual({ count: 0 });
  });

  it("two delivery runs at once send each message once", async () => {
    port = await startServer(port);
    const now = new Date("2027-01-13T08:00:00.000Z");
    const ids = await seedMessages(6, now);
    const [a, b] = await Promise.all([
      deliverOutbox(db, now, env(), { random: steady }),
      deliverOutbox(db, now, env(), { random: steady }),
    ]);
    expect(a + b).toBe(6);
    expect([...received.entries()].sort()).toEqual(ids.map((id) => [messageIdFor(id), 1]).sort());
  });

  it("a message a crashed run left mid-send is not resent automatically: FAILED as outcome unknown", async () => {
    port = await startServer(port);
    const now = new Date("2027-01-14T08:00:00.000Z");
    const [id] = await seedMessages(1, now);
    await db.outbox.update({
      where: { id },
      data: { status: "SENDING", leaseToken: "crashed-run", leaseUntil: new Date(now.getTime() - 1) },
    });
    const lines: string[] = [];
    expect(await deliverOutbox(db, now, env(), { log: (l) => lines.push(l) })).toBe(0);
    expect(received.size).toBe(0);
    expect(await db.outbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      leaseToken: null,
      lastError: expect.stringMatching(/outcome unknown/),
    });
    expect(lines).toHaveLength(1);
  });
});
