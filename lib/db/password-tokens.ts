// One-time set-password links (docs/architecture.md#administration): a random 256-bit token, of
// which only the SHA-256 is stored (like API keys, lib/db/api-keys.ts), valid 72 hours and once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { AppError } from "@/lib/errors";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { notify } from "./outbox";
import { transaction } from "./transaction";

const PASSWORD_TOKEN_HOURS = 72;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const setPasswordPath = (token: string) => `/set-password?token=${encodeURIComponent(token)}`;

/** Writes the token and its e-mail in the caller's transaction; returns the token (shown once). */
export async function issuePasswordToken(tx: Tx, user: { id: string; name: string; email: string }, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_TOKEN_HOURS * 3_600_000);
  await tx.passwordToken.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt },
    select: { id: true },
  });
  const base = process.env.NEXTAUTH_URL ?? "";
  await notify(tx, [
    {
      kind: "user.invite",
      recipientUserId: user.id,
      recipientEmail: user.email,
      subject: "Your Accord account",
      body:
        `Hello ${user.name}, an account was created for you on Accord. Choose your password within ` +
        `${PASSWORD_TOKEN_HOURS} hours at ${base}${setPasswordPath(token)} (the link works once).`,
      payload: { path: "/set-password" },
    },
  ]);
  return { token, expiresAt };
}

const INVALID =
  "This link is not valid any more: it was used already or has expired. Ask channel operations for a new one.";

/** Whether a token can still be used (for the page, before the form). */
export async function findPasswordToken(token: string, now = new Date()) {
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return { email: row.user.email, expiresAt: row.expiresAt };
}

/**
 * Sets the password once: the token is consumed by a conditional update (usedAt still null), so two
 * submissions of the same link cannot both succeed. Refused (422) when used, expired or unknown.
 */
export async function consumePasswordToken(token: string, password: string, now = new Date()) {
  const passwordHash = await hash(password);
  return transaction(db, async (tx) => {
    const row = await tx.passwordToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, user: { select: { email: true, active: true } } },
    });
    if (!row || !row.user.active) throw new AppError("UNPROCESSABLE", INVALID);
    const consumed = await tx.passwordToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) throw new AppError("UNPROCESSABLE", INVALID);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { id: true } });
    await audit(tx, null, { action: "user.set-password", entityType: "User", entityId: row.userId }, now);
    return { email: row.user.email };
  });
}
