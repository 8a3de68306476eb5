// getContext(): who is calling this request, from the session cookie, re-checked against the user
// row. Cached per request with React's cache(). A database that cannot be reached makes it throw
// AppError UNAVAILABLE (lib/db/unavailable.ts): 503 for the API, the "temporarily unavailable"
// state for pages.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { authOptions } from "./options";
import { loadSessionContext } from "@/lib/db/users";
import { databaseUnavailable } from "@/lib/db/unavailable";
import type { Ctx } from "./types";

export const getContext = cache(async (): Promise<Ctx | null> => {
  await connection(); // per-request by nature: never prerendered at build time
  const session = await getServerSession(authOptions);
  const uid = (session?.user as { id?: string } | undefined)?.id;
  return uid ? sessionContext(uid) : null;
});

/** The user row behind a session's user id (null: disabled or gone), database faults as 503. */
export async function sessionContext(uid: string): Promise<Ctx | null> {
  try {
    return await loadSessionContext(uid);
  } catch (error) {
    throw databaseUnavailable(error, "auth") ?? error;
  }
}
