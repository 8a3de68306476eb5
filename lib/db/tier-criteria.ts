// Tier criteria (docs/domain.md#scorecards-and-tiers): one AppSetting row, edited by channel
// operations (tier:manage) with an audit event holding before and after, read by the scorecards and
// the quarterly proposal job. Until it is edited the programme's defaults apply (lib/scorecards/tiers.ts).
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { AppError, forbidden } from "@/lib/errors";
import { DEFAULT_CRITERIA, type CriteriaTable } from "@/lib/scorecards";
import { zodFieldErrors } from "@/lib/validation/errors";
import { criteriaFromInput, storedCriteria, tierCriteriaInput } from "@/lib/validation/tiers";
import { audit } from "./audit";
import type { Tx } from "./connect";
import { db } from "./client";
import { transaction } from "./transaction";

const KEY = "tiers.criteria";

function toStored(t: CriteriaTable) {
  return Object.fromEntries(
    Object.entries(t).map(([tier, c]) => [tier, { ...c, minSourcedRevenueCents: Number(c.minSourcedRevenueCents) }]),
  );
}

/** Takes a Prisma client or transaction (the job reads with its own). */
export async function getTierCriteria(client: Tx): Promise<CriteriaTable> {
  const row = await client.appSetting.findUnique({ where: { key: KEY }, select: { value: true } });
  const parsed = storedCriteria.safeParse(row?.value);
  if (!parsed.success) return DEFAULT_CRITERIA;
  return Object.fromEntries(
    Object.entries(parsed.data).map(([tier, c]) => [
      tier,
      { ...c, minSourcedRevenueCents: BigInt(c.minSourcedRevenueCents) },
    ]),
  ) as CriteriaTable;
}

/** The criteria for the page that edits them: channel operations only (tier:manage). */
export async function readTierCriteria(ctx: Ctx): Promise<CriteriaTable> {
  if (!can(ctx, "tier:manage")) throw forbidden("Only channel operations edits tier criteria");
  return getTierCriteria(db);
}

export async function saveTierCriteria(ctx: Ctx, input: unknown, now = new Date()): Promise<CriteriaTable> {
  if (!can(ctx, "tier:manage")) throw forbidden("Only channel operations edits tier criteria");
  const parsed = tierCriteriaInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Check the highlighted fields", zodFieldErrors(parsed.error));
  const next = criteriaFromInput(parsed.data);
  await transaction(db, async (tx) => {
    const before = await getTierCriteria(tx);
    const value = toStored(next);
    await tx.appSetting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
    await audit(
      tx,
      ctx,
      {
        action: "tier.criteria.update",
        entityType: "AppSetting",
        entityId: KEY,
        before: toStored(before),
        after: value,
      },
      now,
    );
  });
  return next;
}
