// Tier criteria and tier proposals (docs/domain.md#scorecards-and-tiers). The criteria form posts
// one field per tier and criterion ("GOLD_revenue" in dollars, "GOLD_winRate" in %, "GOLD_registrations");
// the stored setting keeps cents and a 0..1 rate. A higher tier may not ask for less than a lower one.
import { z } from "zod";
import { dollarsToCentsInput } from "@/lib/money";
import type { CriteriaTable } from "@/lib/scorecards";

export const CRITERIA_TIERS = ["PLATINUM", "GOLD", "SILVER"] as const;
type CriteriaTier = (typeof CRITERIA_TIERS)[number];

const revenue = z.preprocess(
  dollarsToCentsInput(),
  z
    .number({ error: "Enter an amount in dollars, e.g. 250000" })
    .int()
    .min(0, "Cannot be negative")
    .max(100_000_000_000, "At most $1B"),
);
const winRate = z.coerce
  .number({ error: "Enter a percentage from 0 to 100" })
  .min(0, "At least 0%")
  .max(100, "At most 100%");
const registrations = z.coerce
  .number({ error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(0, "Cannot be negative")
  .max(100_000, "At most 100,000");

const shape = Object.fromEntries(
  CRITERIA_TIERS.flatMap((t) => [
    [`${t}_revenue`, revenue],
    [`${t}_winRate`, winRate],
    [`${t}_registrations`, registrations],
  ]),
) as Record<`${CriteriaTier}_${"revenue" | "winRate" | "registrations"}`, z.ZodType<number>>;

export const tierCriteriaInput = z.strictObject(shape).superRefine((v, ctx) => {
  for (const [higher, lower] of [
    ["PLATINUM", "GOLD"],
    ["GOLD", "SILVER"],
  ] as const)
    for (const field of ["revenue", "winRate", "registrations"] as const)
      if (v[`${higher}_${field}`] < v[`${lower}_${field}`])
        ctx.addIssue({
          code: "custom",
          path: [`${higher}_${field}`],
          message: `${higher[0]}${higher.slice(1).toLowerCase()} cannot ask for less than ${lower[0]}${lower.slice(1).toLowerCase()}`,
        });
});
export type TierCriteriaInput = z.infer<typeof tierCriteriaInput>;

export function criteriaFromInput(v: TierCriteriaInput): CriteriaTable {
  return Object.fromEntries(
    CRITERIA_TIERS.map((t) => [
      t,
      {
        minSourcedRevenueCents: BigInt(v[`${t}_revenue`]),
        minWinRate: v[`${t}_winRate`] / 100,
        minApprovedRegistrations: v[`${t}_registrations`],
      },
    ]),
  ) as CriteriaTable;
}

/** The stored setting (JSON: cents as a number, the rate 0..1). */
export const storedCriteria = z.object(
  Object.fromEntries(
    CRITERIA_TIERS.map((t) => [
      t,
      z.object({
        minSourcedRevenueCents: z.number().int().min(0),
        minWinRate: z.number().min(0).max(1),
        minApprovedRegistrations: z.number().int().min(0),
      }),
    ]),
  ) as Record<
    CriteriaTier,
    z.ZodObject<{ minSourcedRevenueCents: z.ZodNumber; minWinRate: z.ZodNumber; minApprovedRegistrations: z.ZodNumber }>
  >,
);

export const tierProposalDecision = z.strictObject({
  id: z.string().trim().min(1).max(64),
  decision: z.enum(["confirm", "dismiss"]),
});
