// A few audit events so the audit log has history to show: rule-set changes, partner status
// changes and recent registration and conflict decisions, with the actor labels lib/db/audit.ts
// writes ("Name <email>", or "system").
import { REGISTRATION_TRANSITION_ACTION, type AuditAction } from "../../lib/audit/actions";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { ConflictCase } from "./conflict-record";
import { IdSequence } from "./ids";
import type { SeedRegistration } from "./registrations";
import { addDays } from "./time";
import { type SeedUser, type World, staffUser } from "./world";

function label(user: SeedUser | undefined): string {
  return user ? `${user.name} <${user.email}>` : "system";
}

export function generateAudit(
  world: World,
  registrations: readonly SeedRegistration[],
  cases: readonly ConflictCase[],
): void {
  const ids = new IdSequence("aud");
  const events: Prisma.AuditEventCreateManyInput[] = [];
  const add = (
    user: SeedUser | undefined,
    action: AuditAction,
    entityType: string,
    entityId: string,
    at: Date,
    before?: object,
    after?: object,
  ) =>
    events.push({
      id: "",
      actorId: user?.id ?? null,
      actorLabel: label(user),
      action,
      entityType,
      entityId,
      at,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
    });

  const ops = staffUser(world, "ops");
  const draft = world.rows.ruleSets.find((r) => r.status === "DRAFT");
  if (draft)
    add(ops, "ruleset.draft.create", "RuleSet", draft.id!, draft.createdAt as Date, undefined, {
      version: draft.version,
      status: "DRAFT",
    });
  for (const p of world.partners.filter((x) => x.status !== "ACTIVE")) {
    const at = addDays(world.now, p.status === "SUSPENDED" ? -40 : -150);
    add(ops, "partner.update", "Partner", p.id, at, { status: "ACTIVE" }, { status: p.status });
  }
  const decided = registrations
    .filter((r) => r.times.decidedAt && (r.status === "APPROVED" || r.status === "REJECTED"))
    .sort((a, b) => b.times.decidedAt!.getTime() - a.times.decidedAt!.getTime())
    .slice(0, 8);
  for (const r of decided) {
    const action = REGISTRATION_TRANSITION_ACTION[r.status as "APPROVED" | "REJECTED"];
    add(
      world.usersById.get(r.partner.managerId),
      action,
      "DealRegistration",
      r.id,
      r.times.decidedAt!,
      { status: "SUBMITTED" },
      { status: r.status, reason: r.row.decisionReason },
    );
  }
  const resolved = cases
    .filter((c) => c.path.resolvedAt)
    .sort((a, b) => b.path.resolvedAt!.getTime() - a.path.resolvedAt!.getTime())
    .slice(0, 5);
  for (const c of resolved) {
    add(
      world.usersById.get(c.resolvedById!),
      "conflict.resolve",
      "Conflict",
      c.id!,
      c.path.resolvedAt!,
      { status: "OPEN" },
      { status: "RESOLVED", resolution: c.resolution },
    );
  }
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  for (const e of events) world.rows.auditEvents.push({ ...e, id: ids.next() });
}
