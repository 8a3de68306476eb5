// Failed sign-ins are limited in the database (shared by every instance) with rate-limiter-flexible:
//  - 5 failures per account from one address in 15 minutes (the limit a typing user meets),
//  - 20 failures per account from any address (distributed guessing of one password),
//  - 50 failures per address across accounts (credential stuffing from one address).
// Unknown e-mails count exactly like known ones, so the answer never tells which exist.
// An attempt is counted before its password is checked (the database increments the counters, so
// guesses sent in parallel are all counted) and handed back when it is refused or succeeds; a
// check-then-count scheme let every parallel guess through.
import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";

const WINDOW_S = 15 * 60;

function limiter(keyPrefix: string, points: number) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix,
    points,
    duration: WINDOW_S,
    clearExpiredByTimeout: false,
  });
}

const limiters = [
  { limiter: limiter("signin-pair", 5), key: (email: string, ip: string) => `${email}|${ip}` },
  { limiter: limiter("signin-account", 20), key: (email: string) => email },
  { limiter: limiter("signin-ip", 50), key: (_email: string, ip: string) => ip },
];
const [pair, ...shared] = limiters;

export function signInKey(email: unknown): string {
  return String(email ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 320);
}

/** Seconds until the caller may try again, or 0 when not blocked (a read: counts nothing). */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  let wait = 0;
  for (const { limiter, key } of limiters) {
    const res = await limiter.get(key(email, ip));
    if (res && res.consumedPoints >= limiter.points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
  }
  return wait;
}

/**
 * Counts a sign-in attempt as a failure before the password is checked. Returns the seconds to
 * wait when a limit is already used up (the attempt is then not counted), else 0: go on, and call
 * signInSucceeded if the password is right.
 */
export async function beginSignInAttempt(email: string, ip: string): Promise<number> {
  const results = await Promise.all(limiters.map(({ limiter, key }) => limiter.penalty(key(email, ip), 1)));
  let wait = 0;
  results.forEach((res: RateLimiterRes, i) => {
    if (res.consumedPoints > limiters[i].limiter.points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
  });
  if (wait > 0) await Promise.all(limiters.map(({ limiter, key }) => limiter.reward(key(email, ip), 1)));
  return wait;
}

/** The password was right: hand back the attempt and forget this address's failures for the account. */
export async function signInSucceeded(email: string, ip: string): Promise<void> {
  await Promise.all([
    pair.limiter.delete(pair.key(email, ip)),
    ...shared.map(({ limiter, key }) => limiter.reward(key(email, ip), 1)),
  ]);
}
