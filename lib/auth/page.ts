// Page-level guards. They shape the experience (redirects, 404s); the data layer enforces access
// on its own, so a page that forgot a guard still shows nothing it should not.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getContext } from "./context";
import type { Ctx, Role } from "./types";

export async function pageContext(): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) redirect("/sign-in");
  return ctx;
}

/** Staff pages: a partner user gets a plain 404, learning nothing about the vendor's side. */
export async function staffContext(...roles: Role[]): Promise<Ctx & { allowed: boolean }> {
  const ctx = await pageContext();
  if (ctx.role === "PARTNER") notFound();
  return { ...ctx, allowed: roles.length === 0 || roles.includes(ctx.role) };
}

export async function partnerContext(): Promise<Ctx & { partnerId: string }> {
  const ctx = await pageContext();
  if (ctx.role !== "PARTNER" || !ctx.partnerId) notFound();
  return ctx as Ctx & { partnerId: string };
}
