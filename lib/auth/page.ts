// Page-level guards. They shape the experience (redirects, 404s); the data layer enforces access
// on its own, so a page that forgot a guard still shows nothing it should not.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getContext } from "./context";
import { ACTIONS, can, type Action } from "./permissions";
import { HOME } from "./navigation";
import type { Ctx, Role } from "./types";

const isAction = (need: Action | Role): need is Action => (ACTIONS as readonly string[]).includes(need);

export async function pageContext(): Promise<Ctx> {
  const ctx = await getContext();
  if (!ctx) redirect("/sign-in");
  return ctx;
}

/**
 * Staff pages: a partner user gets a plain 404, learning nothing about the vendor's side. `need` is
 * the permission the page's data needs (can()), or for a role's home page (lib/auth/navigation.ts
 * HOME) that role; `allowed` says whether to show the page or a "no access" note.
 */
export async function staffContext(need?: Action | Role): Promise<Ctx & { allowed: boolean }> {
  const ctx = await pageContext();
  if (ctx.role === "PARTNER") notFound();
  const allowed = need === undefined || (isAction(need) ? can(ctx, need) : need === ctx.role);
  return { ...ctx, allowed };
}

/** The portal's layout: staff are sent to their own home page. */
export async function portalContext(): Promise<Ctx> {
  const ctx = await pageContext();
  if (ctx.role !== "PARTNER") redirect(HOME[ctx.role]);
  return ctx;
}

export async function partnerContext(): Promise<Ctx & { partnerId: string }> {
  const ctx = await pageContext();
  if (ctx.role !== "PARTNER" || !ctx.partnerId) notFound();
  return ctx as Ctx & { partnerId: string };
}

/** A list page whose cursor does not verify (lib/db/pagination.ts) answers like any malformed
 *  query string: a plain 404, the same for a forged, edited or another caller's cursor. */
export async function listPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") notFound();
    throw error;
  }
}
