// Payout statements and adjustments (docs/domain.md#attribution-and-pay): the statement's URL
// (whose, which period) and the inputs of an adjustment and an attribution dispute, shared by the
// pages, the server actions (lib/actions/payouts.ts) and the CSV export route.
import { z } from "zod";
import { dollarsToCentsInput } from "@/lib/money";
import { parsePeriod } from "@/lib/attribution";
import { noNul } from "./nul";

const id = z.string().trim().min(1).max(64).refine(noNul, "Invalid character");
const text = (min: number, message: string, max: number) =>
  z.string().trim().min(min, message).max(max).refine(noNul, "Invalid character");

const periodLabel = z
  .string()
  .trim()
  .refine((s) => parsePeriod(s) !== null, "A month (2026-11) or a quarter (2026-Q4)");

/** Whose statement: `party=ae:<userId>` or `party=partner:<partnerId>`, and the period. */
export const statementQuery = z.object({
  party: z
    .string()
    .trim()
    .max(80)
    .regex(/^(ae|partner):[^:]+$/, "ae:<id> or partner:<id>")
    .refine(noNul, "Invalid character")
    .optional(),
  period: periodLabel.optional(),
});

const ADJUSTMENT_KINDS = ["QUOTA_CREDIT", "SPIFF", "MARGIN"] as const;

/** Dollars as typed ("-250.50", "1,000"), to integer cents; non-zero, at most $10M either way. */
const amount = z.preprocess(
  dollarsToCentsInput({ negative: true }),
  z
    .number({ error: "Enter an amount in dollars" })
    .refine((n) => n !== 0, "Enter a non-zero amount (negative takes back)")
    .refine((n) => Math.abs(n) <= 1_000_000_000, "At most $10,000,000 either way"),
);

export const adjustmentInput = z
  .strictObject({
    subject: z.enum(["AE", "PARTNER"]),
    subjectId: id,
    kind: z.enum(ADJUSTMENT_KINDS, { error: "Choose what the adjustment corrects" }),
    amount,
    month: z
      .string()
      .trim()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month, e.g. 2026-11"),
    reason: text(10, "Say why (at least 10 characters): the statement shows it", 1_000),
    opportunityId: id.optional().nullable(),
  })
  .superRefine((v, c) => {
    const ok = v.subject === "AE" ? v.kind !== "MARGIN" : v.kind === "MARGIN";
    if (!ok)
      c.addIssue({
        code: "custom",
        path: ["kind"],
        message:
          v.subject === "AE"
            ? "An AE's statement adjusts quota credit or SPIFF"
            : "A partner's statement adjusts margin",
      });
  });
export type AdjustmentData = z.output<typeof adjustmentInput>;

export const disputeInput = z.strictObject({
  opportunityId: id,
  evidence: text(10, "Describe the evidence (at least 10 characters)", 4_000),
});
export type DisputeInput = z.infer<typeof disputeInput>;
