// Who hears of a conflict case (docs/domain.md#levels-deciders-and-slas): the deciders of a level
// (level 1: the AE of the case's deal and the partner managers of its partners; 2–4: the
// executives with the level's titles), else channel operations; and a partner party's users.
// Shared by the case writes (lib/db/conflict-writes.ts) and the escalation job
// (lib/db/conflict-schedule.ts); on the caller's transaction.
import { CONFLICT_LEVEL_DECIDERS } from "@/lib/auth/permissions";
import type { Level } from "@/lib/conflicts/types";
import type { Tx } from "./connect";
import type { Notice } from "./outbox";
import { isSql, type Selected, type Sql } from "./sql";

export type Person = { id: string; email: string };
type Parties = { directUserIds: (string | null)[]; partnerIds: (string | null)[] };

const known = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];

/** Level 1: the direct party's AE and the managers of the partner parties (active users). */
export async function levelOneDeciders(tx: Tx | Sql, p: Parties): Promise<Person[]> {
  const users = known(p.directUserIds);
  const partners = known(p.partnerIds);
  if (users.length === 0 && partners.length === 0) return [];
  if (isSql(tx)) {
    const marks = (n: unknown[]) => n.map(() => "?").join(", ") || "NULL";
    return tx.all<Selected<"User", "id" | "email">>(
      `SELECT u."id", u."email" FROM "User" u WHERE u."active" = ? AND (u."id" IN (${marks(users)})
         OR u."id" IN (SELECT p."managerId" FROM "Partner" p WHERE p."id" IN (${marks(partners)})))
       ORDER BY u."id"`,
      [true, ...users, ...partners],
    );
  }
  return tx.user.findMany({
    where: {
      active: true,
      OR: [{ id: { in: users } }, { managedPartners: { some: { id: { in: partners } } } }],
    },
    select: { id: true, email: true },
    orderBy: { id: "asc" },
  });
}

/** The deciders of a level, or channel operations when the level has none (no AE, no manager, no such executive). */
export async function deciders(tx: Tx, level: Level, p: Parties): Promise<Person[]> {
  const found =
    level === 1
      ? await levelOneDeciders(tx, p)
      : await tx.user.findMany({
          where: { active: true, role: "EXEC", title: { in: CONFLICT_LEVEL_DECIDERS[level].titles ?? [] } },
          select: { id: true, email: true },
          orderBy: { id: "asc" },
        });
  return found.length ? found : channelOps(tx);
}

export function channelOps(tx: Tx): Promise<Person[]> {
  return tx.user.findMany({
    where: { active: true, role: "ADMIN" },
    select: { id: true, email: true },
    orderBy: { id: "asc" },
  });
}

/** The active users of the partner parties, by partner. */
export async function partnerUsers(tx: Tx, partnerIds: (string | null)[]): Promise<(Person & { partnerId: string })[]> {
  const rows = await tx.user.findMany({
    where: { active: true, role: "PARTNER", partnerId: { in: known(partnerIds) } },
    select: { id: true, email: true, partnerId: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, email: r.email, partnerId: r.partnerId! }));
}

/** One notice per person (in the app and by e-mail), leaving out the person who acted. */
export function noticesFor(
  people: Person[],
  actorId: string | null,
  n: Omit<Notice, "recipientUserId" | "recipientEmail">,
): Notice[] {
  const seen = new Set<string>();
  return people
    .filter((p) => p.id !== actorId && !seen.has(p.id) && seen.add(p.id))
    .map((p) => ({ ...n, recipientUserId: p.id, recipientEmail: p.email }));
}
