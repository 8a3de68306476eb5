// What the opportunity screens read besides the deal itself (lib/db/opportunities.ts): the form's
// choices, the account search behind the form's combobox, and the deal's timeline and partner
// touches. Staff only; every read scoped like the deal.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { forbidden } from "@/lib/errors";
import { db } from "./client";
import { accountScope, opportunityScope } from "./scope";
import { containsText } from "./text";

type Option = { id: string; name: string };

/** The form's pickers: product lines, active partners, and for channel operations the AEs to act for. */
export async function opportunityFormOptions(ctx: Ctx) {
  if (!can(ctx, "opportunity:create") && !can(ctx, "opportunity:update")) throw forbidden();
  const productLines = await db.productLine.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const partners = await db.partner.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const aes =
    ctx.role === "AE"
      ? []
      : await db.user.findMany({
          where: { role: "AE", active: true },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        });
  return { productLines, partners, aes };
}

export type AccountOption = Option & { country: string };

/** Accounts the caller may see whose name contains the text: the form's search-as-you-type. */
export async function searchAccountOptions(ctx: Ctx, q: string): Promise<AccountOption[]> {
  if (!can(ctx, "opportunity:create")) throw forbidden();
  const text = q.trim();
  if (text.length < 1) return [];
  return db.account.findMany({
    where: { AND: [accountScope(ctx), { name: containsText(text) }] },
    select: { id: true, name: true, country: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 10,
  });
}

/** The deal's timeline (newest first) and its partner touches; empty for a deal outside the caller's scope. */
export async function opportunityActivity(ctx: Ctx, opportunityId: string) {
  if (!can(ctx, "opportunity:read")) throw forbidden();
  const where = { opportunity: { AND: [opportunityScope(ctx), { id: opportunityId }] } };
  const events = await db.opportunityEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, kind: true, actorLabel: true, fromValue: true, toValue: true, body: true, at: true },
  });
  const touches = await db.partnerTouch.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, note: true, at: true, partner: { select: { id: true, name: true } } },
  });
  return { events, touches };
}
export type OpportunityActivity = Awaited<ReturnType<typeof opportunityActivity>>;
