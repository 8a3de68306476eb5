// Rule-set changes: drafts edited under optimistic concurrency (lockVersion), publication that
// refuses lint errors, closes the previous window and writes its audit event in one transaction.
// Published rule sets never change.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lintRuleSet, parseRuleSet, type RuleSet } from "@/lib/rules";
import { zodFieldErrors } from "@/lib/validation/errors";
import type { PublishInput, SaveDraftInput } from "@/lib/validation/rule-sets";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { ruleColumns } from "./rule-set-mapping";
import { getRuleSet, ruleSetInForceAt } from "./rule-sets";
import { transaction } from "./transaction";
import type { Prisma } from "./generated/sqlite/client";

const CHANGED_ELSEWHERE =
  "This draft was changed by someone else since you opened it. Reload to see their changes; yours are still in the editor.";

function requireEditor(ctx: Ctx) {
  if (!can(ctx, "ruleset:edit")) throw forbidden("Only channel operations edit the rules of engagement");
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** A new draft copied from a rule set (by default the one in force now). */
export async function createDraft(ctx: Ctx, fromId?: string, now = new Date()) {
  requireEditor(ctx);
  const source = fromId ? (await getRuleSet(ctx, fromId)).engine : (await ruleSetInForceAt(now))?.engine;
  if (!source) throw notFound("Rule set");
  for (let attempt = 0; ; attempt++) {
    try {
      return await transaction(db, (tx) => insertDraft(tx, ctx, source));
    } catch (error) {
      // two drafts created at once race for the next version number: the unique key decides
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * The draft-creation step inside the caller's transaction: the next version, the copied rules and
 * the audit event. createDraft and a council RULE_CHANGE decision (lib/db/council-pack-writes.ts)
 * both go through it; the caller has checked its own permission and retries the version race.
 */
export async function insertDraft(tx: Tx, ctx: Ctx, source: RuleSet, changeNote = "") {
  const last = await tx.ruleSet.aggregate({ _max: { version: true } });
  const version = (last._max.version ?? 0) + 1;
  const created = await tx.ruleSet.create({
    data: {
      version,
      status: "DRAFT",
      changeNote,
      defaultOutcome: source.defaultOutcome as unknown as Prisma.InputJsonValue,
      authorId: ctx.userId,
      rules: { create: source.rules.map((r) => ruleColumns(r)) },
    },
    select: { id: true, version: true },
  });
  await audit(tx, ctx, {
    action: "ruleset.draft.create",
    entityType: "RuleSet",
    entityId: created.id,
    after: { version, copiedFrom: source.version },
  });
  return created;
}

async function claimDraft(tx: Tx, id: string, lockVersion: number, data: Prisma.RuleSetUncheckedUpdateManyInput) {
  const { count } = await tx.ruleSet.updateMany({
    where: { id, status: "DRAFT", lockVersion },
    data: { ...data, lockVersion: { increment: 1 } },
  });
  if (count === 1) return;
  const row = await tx.ruleSet.findUnique({ where: { id }, select: { status: true } });
  if (!row) throw notFound("Rule set");
  if (row.status !== "DRAFT")
    throw new AppError("CONFLICT", "Published rule sets cannot be changed: create a new draft from it.");
  throw new AppError("CONFLICT", CHANGED_ELSEWHERE);
}

export function validateDraft(
  input: { id: string; rules: unknown; defaultOutcome: unknown },
  version: number,
): RuleSet {
  const parsed = parseRuleSet({ id: input.id, version, rules: input.rules, defaultOutcome: input.defaultOutcome });
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION",
      "The rule set is not valid: fix the highlighted rules",
      zodFieldErrors(parsed.error),
    );
  }
  return parsed.data;
}

export async function saveDraft(
  ctx: Ctx,
  input: Omit<SaveDraftInput, "rules" | "defaultOutcome"> & { rules: unknown; defaultOutcome: unknown },
) {
  requireEditor(ctx);
  const current = await getRuleSet(ctx, input.id);
  const ruleSet = validateDraft(input, current.version);
  return transaction(db, async (tx) => {
    await claimDraft(tx, input.id, input.lockVersion, {
      changeNote: input.changeNote,
      defaultOutcome: ruleSet.defaultOutcome as unknown as Prisma.InputJsonValue,
    });
    await tx.rule.deleteMany({ where: { ruleSetId: input.id } });
    await tx.rule.createMany({ data: ruleSet.rules.map((r) => ({ ruleSetId: input.id, ...ruleColumns(r) })) });
    await audit(tx, ctx, {
      action: "ruleset.draft.save",
      entityType: "RuleSet",
      entityId: input.id,
      after: { version: current.version, rules: ruleSet.rules.length },
    });
    return { id: input.id, lockVersion: input.lockVersion + 1 };
  });
}

export async function deleteDraft(ctx: Ctx, id: string, lockVersion: number) {
  requireEditor(ctx);
  await transaction(db, async (tx) => {
    await claimDraft(tx, id, lockVersion, {});
    await tx.ruleSet.delete({ where: { id } });
    await audit(tx, ctx, { action: "ruleset.draft.delete", entityType: "RuleSet", entityId: id });
  });
}

/**
 * Publishes a draft from `effectiveFrom` (now or later). Net-new deals from then on are decided
 * by it; deals already claimed keep the rule set of their claim time (grandfathering).
 */
export async function publishRuleSet(ctx: Ctx, input: PublishInput, now = new Date()) {
  if (!can(ctx, "ruleset:publish")) throw forbidden("Only channel operations publish the rules of engagement");
  const draft = await getRuleSet(ctx, input.id);
  if (draft.status !== "DRAFT") throw new AppError("CONFLICT", "This rule set is already published.");
  if (input.effectiveFrom.getTime() < now.getTime() - 60_000) {
    throw new AppError("VALIDATION", "The effective date cannot be in the past", {
      effectiveFrom: ["Pick now or a later date and time"],
    });
  }
  const lint = lintRuleSet(
    validateDraft(
      { id: draft.id, rules: [...draft.engine.rules], defaultOutcome: draft.engine.defaultOutcome },
      draft.version,
    ),
  );
  if (!lint.publishable) {
    throw new AppError(
      "UNPROCESSABLE",
      `Lint found ${lint.errors} error${lint.errors === 1 ? "" : "s"}: fix them before publishing`,
    );
  }
  const from = input.effectiveFrom;
  return transaction(
    db,
    async (tx) => {
      const others = await tx.ruleSet.findMany({
        where: { status: { not: "DRAFT" } },
        select: { id: true, version: true, status: true, effectiveFrom: true, effectiveTo: true },
      });
      if (others.some((o) => o.effectiveFrom?.getTime() === from.getTime())) {
        throw new AppError("CONFLICT", "Another version takes effect at exactly that time", {
          effectiveFrom: ["Pick another time"],
        });
      }
      const previous = others
        .filter((o) => o.effectiveFrom && o.effectiveFrom < from)
        .sort((a, b) => b.effectiveFrom!.getTime() - a.effectiveFrom!.getTime())[0];
      const next = others
        .filter((o) => o.effectiveFrom && o.effectiveFrom > from)
        .sort((a, b) => a.effectiveFrom!.getTime() - b.effectiveFrom!.getTime())[0];
      await claimDraft(tx, draft.id, input.lockVersion, {
        status: "PUBLISHED",
        effectiveFrom: from,
        effectiveTo: next?.effectiveFrom ?? null,
        changeNote: input.changeNote,
        publisherId: ctx.userId,
        publishedAt: now,
      });
      if (previous) {
        await tx.ruleSet.update({
          where: { id: previous.id },
          data: { effectiveTo: from, ...(from <= now ? { status: "RETIRED" } : {}) },
        });
      }
      await audit(
        tx,
        ctx,
        {
          action: "ruleset.publish",
          entityType: "RuleSet",
          entityId: draft.id,
          before: {
            status: "DRAFT",
            previous: previous ? { version: previous.version, effectiveTo: previous.effectiveTo } : null,
          },
          after: {
            status: "PUBLISHED",
            version: draft.version,
            effectiveFrom: from,
            effectiveTo: next?.effectiveFrom ?? null,
            changeNote: input.changeNote,
            lintWarnings: lint.warnings,
          },
        },
        now,
      );
      return { id: draft.id, version: draft.version, effectiveFrom: from };
    },
    { isolationLevel: "Serializable" },
  );
}
