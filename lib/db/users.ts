// Users as the auth layer needs them. The context is re-read from the row on every request, so a
// disabled or demoted user loses access at once, whatever their token says.
import "server-only";
import { db } from "./client";
import type { Ctx } from "@/lib/auth/types";

export async function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      active: true,
      role: true,
      partner: { select: { status: true } },
    },
  });
}

export async function loadSessionContext(userId: string): Promise<Ctx | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      title: true,
      active: true,
      partnerId: true,
      partner: { select: { status: true } },
    },
  });
  if (!user || !user.active) return null;
  if (user.role === "PARTNER" && (!user.partnerId || user.partner?.status === "TERMINATED")) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    title: user.role === "EXEC" ? user.title : null,
    partnerId: user.role === "PARTNER" ? user.partnerId : null,
    via: "session",
  };
}

export async function isDemoLoaded(): Promise<boolean> {
  const row = await db.appSetting.findUnique({ where: { key: "demo" } });
  return row?.value === true;
}
