// Caller contexts for the demo users, built the way a request builds them (from the user row).
import { db } from "@/lib/db/client";
import { loadSessionContext } from "@/lib/db/users";
import type { Ctx } from "@/lib/auth/types";

export async function ctxFor(email: string): Promise<Ctx> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const ctx = await loadSessionContext(user.id);
  if (!ctx) throw new Error(`${email} has no context`);
  return ctx;
}

export async function partnerIdOf(name: string): Promise<string> {
  return (await db.partner.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}
