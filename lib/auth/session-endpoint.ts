// GET /api/auth/session re-checks the session against the user row, like getContext() does for
// every other request: next-auth alone answers from the signed token, so a disabled or deleted user
// (or any user while the database is down) would still get a session.
import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { errorResponse } from "@/lib/api/handler";
import { sessionContext } from "./context";
import { authSecret } from "./secret";

const noSession = () => Response.json({}, { headers: { "Cache-Control": "no-store" } });

/**
 * `{}` (no session) for a missing, invalid or expired token and for a user who is disabled, gone or
 * of a terminated partner; 503 UNAVAILABLE when the user row cannot be read; otherwise null, and
 * next-auth answers as usual (which also renews the token's expiry).
 */
export async function refuseStaleSession(req: NextRequest): Promise<Response | null> {
  const token = await getToken({ req, secret: authSecret() });
  const uid = typeof token?.uid === "string" ? token.uid : null;
  if (!uid) return null; // next-auth answers {} itself
  try {
    return (await sessionContext(uid)) ? null : noSession();
  } catch (error) {
    return errorResponse(error);
  }
}
