// getContext(): who is calling this request, from the session cookie, re-checked against the user
// row. Cached per request with React's cache().
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { authOptions } from "./options";
import { loadSessionContext } from "@/lib/db/users";
import type { Ctx } from "./types";
import { unauthenticated } from "@/lib/errors";

export const getContext = cache(async (): Promise<Ctx | null> => {
  await connection(); // per-request by nature: never prerendered at build time
  const session = await getServerSession(authOptions);
  const uid = (session?.user as { id?: string } | undefined)?.id;
  return uid ? loadSessionContext(uid) : null;
});

export async function requireContext(): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) throw unauthenticated();
  return ctx;
}
