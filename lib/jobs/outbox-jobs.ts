// Delivers outbox notifications by e-mail when SMTP_URL is set (nodemailer); they are always
// listed in-app as well.
//
// Retries: a failed message stays PENDING with a nextAttemptAt after an exponential backoff
// (lib/outbox/retry.ts) until it has been failing for outbox.retryHours (default 24); only then is
// it FAILED, with its last error, for channel operations to retry from /outbox. Each failure logs
// one line. One batch uses one pooled SMTP connection, closed at the end of the batch.
//
// Never sent twice: a run first claims its batch in the database (PENDING → SENDING with its own
// lease token, a conditional update, so concurrent runs on any number of instances claim disjoint
// rows) and hands a message to SMTP only while it holds the claim. If the process dies between
// claiming and recording the outcome, the row is left SENDING; once its lease has run out it is
// marked FAILED as "outcome unknown" instead of being resent, because the SMTP server may already
// have accepted it. Delivery is therefore at most once, automatically; an operator decides about
// those rare rows. Every message carries its outbox id as Message-ID, so a manual resend is
// recognisable as the same message downstream.
import nodemailer from "nodemailer";
import type { Db } from "@/lib/db/connect";
import {
  ABANDONED_ERROR,
  claimOutboxBatch,
  failAbandonedClaims,
  recordFailedAttempt,
  recordSent,
} from "@/lib/db/outbox-delivery";
import { getSetting } from "@/lib/db/settings";
import { afterFailure, errorText } from "@/lib/outbox/retry";
import { SETTING_KEYS } from "@/lib/settings";

const BATCH_SIZE = 100;
const LEASE_MS = 10 * 60_000;
// errors of the connection, not of one message: the rest of the batch would fail the same way
const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EAUTH", "EPROXY"]);

export type DeliveryOptions = { random?: () => number; log?: (line: string) => void; batchSize?: number };

export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@outbox.accord>`;
}

/** Rows a crashed run left SENDING past their lease: FAILED as "outcome unknown" (see above). */
async function abandonStaleClaims(db: Db, now: Date, log: (line: string) => void) {
  for (const row of await failAbandonedClaims(db, now))
    log(`[outbox] ${row.id} attempt ${row.attempts + 1}: ${ABANDONED_ERROR} → FAILED`);
}

// nodemailer's defaults let one stalled socket hang for 10 minutes, the length of a claim; a
// timeout is a connection error, which ends the batch (CONNECTION_ERRORS). SMTP_URL may override.
const TIMEOUTS = { connectionTimeout: "30000", greetingTimeout: "30000", socketTimeout: "60000" };

/** One pooled connection carries the whole batch. Set in the URL: given an object with a `url`,
 *  nodemailer keeps only what the URL says and drops `pool` and the other options. */
function pooledUrl(smtpUrl: string, messages: number): string {
  const url = new URL(smtpUrl);
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", "1");
  url.searchParams.set("maxMessages", String(messages + 1));
  for (const [key, ms] of Object.entries(TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, ms);
  return url.toString();
}

export async function deliverOutbox(
  db: Db,
  now: Date,
  env: Record<string, string | undefined> = process.env,
  opts: DeliveryOptions = {},
): Promise<number> {
  if (!env.SMTP_URL) return 0;
  const log = opts.log ?? ((line: string) => console.warn(line));
  await abandonStaleClaims(db, now, log);
  const { token, rows } = await claimOutboxBatch(db, now, opts.batchSize ?? BATCH_SIZE, LEASE_MS);
  if (rows.length === 0) return 0;
  const retryHours = await getSetting<number>(SETTING_KEYS.outboxRetryHours, db);
  const from = env.SMTP_FROM ?? "Accord <no-reply@accord.local>";
  const transport = nodemailer.createTransport(pooledUrl(env.SMTP_URL, rows.length));
  let sent = 0;
  let connectionError: unknown = null;
  try {
    for (const message of rows) {
      try {
        if (connectionError) throw connectionError;
        await transport.sendMail({
          from,
          to: message.recipientEmail,
          subject: message.subject,
          text: message.body,
          messageId: messageIdFor(message.id),
        });
        await recordSent(db, message.id, token, now);
        sent++;
      } catch (error) {
        if (!connectionError && CONNECTION_ERRORS.has((error as { code?: string }).code ?? "")) connectionError = error;
        const attempt = message.attempts + 1;
        const failingSince = message.failingSince ?? now;
        const outcome = afterFailure(attempt, failingSince, now, retryHours, opts.random);
        const lastError = errorText(error);
        await recordFailedAttempt(db, message.id, token, {
          status: outcome.status,
          attempts: attempt,
          lastError,
          failingSince,
          nextAttemptAt: outcome.nextAttemptAt,
        });
        log(
          outcome.status === "FAILED"
            ? `[outbox] ${message.id} attempt ${attempt} failed: ${lastError}; failing since ${failingSince.toISOString()}, giving up → FAILED`
            : `[outbox] ${message.id} attempt ${attempt} failed: ${lastError}; next attempt ${outcome.nextAttemptAt.toISOString()}`,
        );
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
