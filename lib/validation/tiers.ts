// Tier criteria and tier proposals (docs/domain.md#scorecards-and-tiers). The criteria form posts
// one field per tier and criterion ("GOLD_revenue" in dollars, "GOLD_winRate" in %, "GOLD_registrations",
// "GOLD_certifications");
// the stored setting keeps cents and a 0..1 rate. A higher tier may not ask for less than a lower one.
import { z } from "zod";
import { dollarsToCentsInput } from "@/lib/money";
import type { CriteriaTable } from "@/lib/scorecards";

const CRITERIA_TIERS = ["PLATINUM", "GOLD", "SILVER"] as const;
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

const certifications = z.coerce
  .number({ error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(0, "Cannot be negative")
  .max(10_000, "At most 10,000");

const CRITERION_FIELDS = ["revenue", "winRate", "registrations", "certifications"] as const;
type CriterionField = (typeof CRITERION_FIELDS)[number];

const shape = Object.fromEntries(
  CRITERIA_TIERS.flatMap((t) => [
    [`${t}_revenue`, revenue],
    [`${t}_winRate`, winRate],
    [`${t}_registrations`, registrations],
    [`${t}_certifications`, certifications],
  ]),
) as Record<`${CriteriaTier}_${CriterionField}`, z.ZodType<number>>;

export const tierCriteriaInput = z.strictObject(shape).superRefine((v, ctx) => {
  for (const [higher, lower] of [
    ["PLATINUM", "GOLD"],
    ["GOLD", "SILVER"],
  ] as const)
    for (const field of CRITERION_FIELDS)
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
        minCertifications: v[`${t}_certifications`],
      },
    ]),
  ) as CriteriaTable;
}

/** The form's values for the criteria in force (dollars, %), the inverse of criteriaFromInput. */
export function criteriaFormValues(criteria: CriteriaTable): Record<string, string> {
  return Object.fromEntries(
    CRITERIA_TIERS.flatMap((t) => [
      [`${t}_revenue`, String(Number(criteria[t].minSourcedRevenueCents) / 100)],
      [`${t}_winRate`, String(Math.round(criteria[t].minWinRate * 1000) / 10)],
      [`${t}_registrations`, String(criteria[t].minApprovedRegistrations)],
      [`${t}_certifications`, String(criteria[t].minCertifications)],
    ]),
  );
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
        // criteria saved before certifications counted ask for none
        minCertifications: z.number().int().min(0).default(0),
      }),
    ]),
  ) as Record<
    CriteriaTier,
    z.ZodObject<{
      minSourcedRevenueCents: z.ZodNumber;
      minWinRate: z.ZodNumber;
      minApprovedRegistrations: z.ZodNumber;
      minCertifications: z.ZodDefault<z.ZodNumber>;
    }>
  >,
);

export const tierProposalDecision = z.strictObject({
  id: z.string().trim().min(1).max(64),
  decision: z.enum(["confirm", "dismiss"]),
});
