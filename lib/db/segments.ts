// Segments: the named slices of the market behind "who leads where" (docs/domain.md#data-model, docs/domain.md#the-default-rule-set). They
// describe the published rules of engagement, not anyone's deals, so every signed-in role may read
// them (partners see them on the portal's RoE page).
import "server-only";
import { z } from "zod";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { ACCOUNT_TIERS, PRODUCT_KINDS, VERTICALS } from "@/lib/rules";
import { db } from "./client";

// Criteria are stored as JSON; parse them so screens never trust a hand-edited row. Unknown
// values are dropped rather than failing the whole page.
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.string()).transform((xs) => xs.filter((x): x is T[number] => (values as readonly string[]).includes(x)));
const criteriaSchema = z.object({
  acvMinCents: z.number().int().nonnegative().optional().catch(undefined),
  acvMaxCents: z.number().int().nonnegative().optional().catch(undefined),
  verticals: list(VERTICALS).optional().catch(undefined),
  regions: z.array(z.string().max(32)).optional().catch(undefined),
  productKinds: list(PRODUCT_KINDS).optional().catch(undefined),
  accountTiers: list(ACCOUNT_TIERS).optional().catch(undefined),
});
type SegmentCriteria = z.infer<typeof criteriaSchema>;

type SegmentRegion = { code: string; name: string; directPresence: boolean };

export type SegmentView = {
  id: string;
  name: string;
  description: string;
  criteria: SegmentCriteria;
  /** The regions the criteria name, resolved (direct presence decides rule 30 of the default RoE). */
  regions: SegmentRegion[];
};

export async function listSegments(ctx: Ctx): Promise<SegmentView[]> {
  if (!can(ctx, "ruleset:read")) throw forbidden();
  const rows = await db.segment.findMany({
    select: { id: true, name: true, description: true, criteria: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const parsed = rows.map((r) => ({ ...r, criteria: criteriaSchema.safeParse(r.criteria ?? {}).data ?? {} }));
  const codes = [...new Set(parsed.flatMap((s) => s.criteria.regions ?? []))];
  const regions = codes.length
    ? await db.region.findMany({
        where: { code: { in: codes } },
        select: { code: true, name: true, directPresence: true },
      })
    : [];
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return parsed.map((s) => ({
    ...s,
    regions: (s.criteria.regions ?? []).flatMap((code) => byCode.get(code) ?? []),
  }));
}
