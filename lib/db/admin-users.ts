// Administration of users (docs/architecture.md#administration): channel operations list, create,
// change the role of and disable users. Every change is audited with before and after in the same
// transaction. Nobody can disable or demote the last active admin: the count is taken inside the
// transaction, after the write, under Serializable isolation, so two concurrent demotions of the two
// last admins cannot both commit (PostgreSQL refuses one, lib/db/transaction.ts runs it again and it
// then sees no admin left; SQLite transactions hold the write lock from BEGIN).
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { CreateUserInput, UpdateUserInput, UserListQuery } from "@/lib/validation/admin-users";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { issuePasswordToken } from "./password-tokens";
import { transaction } from "./transaction";

const USER_PAGE_SIZE = 25;

function requireAdmin(ctx: Ctx) {
  if (!can(ctx, "user:manage")) throw forbidden();
}

const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  title: true,
  active: true,
  partnerId: true,
  partner: { select: { name: true } },
  createdAt: true,
  updatedAt: true,
} as const;

export async function listUsers(ctx: Ctx, query: UserListQuery) {
  requireAdmin(ctx);
  const where = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { active: query.status === "active" } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { email: { contains: query.q.toLowerCase() } }] } : {}),
  };
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      select: USER_SELECT,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)) };
}

export async function getUserForAdmin(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const user = await db.user.findUnique({ where: { id }, select: USER_SELECT });
  if (!user) throw notFound("User");
  return user;
}

/** Partners a partner user may be assigned to (names for the form). */
export async function listPartnerChoices(ctx: Ctx) {
  requireAdmin(ctx);
  return db.partner.findMany({
    where: { status: { not: "TERMINATED" } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

async function assertPartner(tx: Tx, partnerId: string | null) {
  if (!partnerId) return;
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { status: true } });
  if (!partner || partner.status === "TERMINATED")
    throw new AppError("VALIDATION", "Check the highlighted fields", { partnerId: ["Choose an active partner"] });
}

async function assertAnAdminLeft(tx: Tx) {
  const admins = await tx.user.count({ where: { role: "ADMIN", active: true } });
  if (admins === 0)
    throw new AppError(
      "UNPROCESSABLE",
      "This is the last active channel-operations user: make someone else an admin first, or nobody could administer Accord.",
    );
}

const snapshot = (u: { role: string; title: string | null; partnerId: string | null; active: boolean }) => ({
  role: u.role,
  title: u.title,
  partnerId: u.partnerId,
  active: u.active,
});

/**
 * Creates a user without a password and a one-time set-password link, e-mailed through the outbox
 * and returned (once) to show to the admin. A taken e-mail address is a 409 with a field message.
 */
export async function createUser(ctx: Ctx, input: CreateUserInput, now = new Date()) {
  requireAdmin(ctx);
  return transaction(db, async (tx) => {
    await assertPartner(tx, input.partnerId);
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken)
      throw new AppError("CONFLICT", "A user with this e-mail address exists already", {
        email: ["A user with this e-mail address exists already"],
      });
    const user = await tx.user.create({
      // no password can match an empty hash: the user signs in only after the set-password link
      data: { ...input, passwordHash: "" },
      select: { id: true, name: true, email: true },
    });
    await audit(tx, ctx, { action: "user.create", entityType: "User", entityId: user.id, after: input }, now);
    const token = await issuePasswordToken(tx, user, now);
    return { id: user.id, name: user.name, token };
  });
}

/** Changes role, title, partner and active flag. Takes effect on the user's next request (lib/db/users.ts). */
export async function updateUser(ctx: Ctx, input: UpdateUserInput, now = new Date()) {
  requireAdmin(ctx);
  return transaction(
    db,
    async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.id }, select: USER_SELECT });
      if (!before) throw notFound("User");
      await assertPartner(tx, input.partnerId);
      const data = { role: input.role, title: input.title, partnerId: input.partnerId, active: input.active };
      // nothing changed: nothing written, no audit event (the form says so)
      if (JSON.stringify(snapshot(before)) === JSON.stringify(snapshot(data))) return { id: input.id, changed: false };
      await tx.user.update({ where: { id: input.id }, data, select: { id: true } });
      if (before.role === "ADMIN" && before.active && (data.role !== "ADMIN" || !data.active))
        await assertAnAdminLeft(tx);
      const action = before.active !== data.active ? (data.active ? "user.enable" : "user.disable") : "user.update";
      await audit(
        tx,
        ctx,
        { action, entityType: "User", entityId: input.id, before: snapshot(before), after: data },
        now,
      );
      return { id: input.id, changed: true };
    },
    { isolationLevel: "Serializable" },
  );
}
