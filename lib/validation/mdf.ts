// MDF inputs (docs/domain.md#mdf), shared by the portal and staff forms (lib/actions/mdf.ts), the
// API (app/api/v1/mdf) and the data layer (lib/db/mdf-writes.ts). Money is typed in dollars.
import { z } from "zod";
import { dollarsToCentsInput } from "@/lib/money";
import { noNul } from "./nul";

const id = z.string().trim().min(1).max(64).refine(noNul, "Invalid character");

/** Dollars as typed ("12,500", "$ 900.50") to whole cents, more than zero, at most $10M. */
const dollars = (label: string) =>
  z.preprocess(
    dollarsToCentsInput(),
    z
      .number({ error: `Enter the ${label} in dollars, e.g. 12500` })
      .refine((n) => n > 0, `Enter the ${label} in dollars; it must be more than zero`)
      .refine((n) => n <= 1_000_000_000, "At most $10,000,000")
      .transform((n) => BigInt(n)),
  );

export const requestMdfInput = z.strictObject({
  fundId: id,
  activity: z
    .string()
    .trim()
    .min(5, "Say what the activity is (at least 5 characters)")
    .max(500)
    .refine(noNul, "Invalid character"),
  amount: dollars("amount"),
  expectedPipeline: dollars("expected pipeline"),
});
export type RequestMdfInput = z.infer<typeof requestMdfInput>;

const decisionFields = {
  decision: z.enum(["approve", "reject"], { error: "Approve or reject" }),
  reason: z.string().trim().max(1_000).refine(noNul, "Invalid character").optional().default(""),
};

function reasonForRejection(v: { decision: string; reason: string }, c: z.RefinementCtx) {
  if (v.decision === "reject" && v.reason.length < 5)
    c.addIssue({ code: "custom", path: ["reason"], message: "Say why it is rejected (at least 5 characters)" });
}

/** The body of POST /api/v1/mdf/requests/{id}/decision (the id is in the path). */
export const decideMdfBody = z.strictObject(decisionFields).superRefine(reasonForRejection);

export const decideMdfInput = z.strictObject({ requestId: id, ...decisionFields }).superRefine(reasonForRejection);
export type DecideMdfInput = z.infer<typeof decideMdfInput>;

/** Proof files (docs/domain.md#mdf): at most 10 MB, PDF, PNG or JPEG recognised by their first bytes. */
export const MDF_PROOF_MAX_BYTES = 10 * 1024 * 1024;
export type MdfProofType = "application/pdf" | "image/png" | "image/jpeg";

/** The file's real type from its content (magic numbers), or null: the name and the browser's claim are not trusted. */
export function sniffProofType(bytes: Uint8Array): MdfProofType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

export const mdfListQuery = z.object({
  status: z.enum(["REQUESTED", "APPROVED", "REJECTED", "CLAIMED", "PAID"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  /** the funds table's own filters and page (the requests keep theirs) */
  fundQuarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, "Use a quarter like 2026-Q4")
    .optional(),
  fundPartnerId: id.optional(),
  fundPage: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type MdfListQuery = z.infer<typeof mdfListQuery>;

/** Statuses whose activity may have sourced pipeline: approved, claimed or paid (docs/domain.md#mdf). */
export const MDF_SOURCING_STATUSES = ["APPROVED", "CLAIMED", "PAID"] as const;

/** Link a deal to one of its partner's MDF activities, or unlink it (none chosen: ""). */
export const linkDealMdfInput = z.strictObject({
  opportunityId: id,
  mdfRequestId: z.preprocess((v) => (v === "" ? null : v), id.nullable()),
});
export type LinkDealMdfInput = z.infer<typeof linkDealMdfInput>;
