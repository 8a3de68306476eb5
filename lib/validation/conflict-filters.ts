// The URL filters of the conflicts list (/conflicts, /portal/conflicts, GET /api/v1/conflicts). One
// schema for the page's searchParams, the API's query string and the dashboards' links, so a count on
// a dashboard and the list it links to read the same filters (lib/db/conflicts.ts conflictWhere).
import { z } from "zod";
import { PARTNER_TIERS } from "@/lib/rules";
import { CONFLICT_TYPES, id, listSchema } from "./lists";

export { CONFLICT_TYPES };
const CONFLICT_STATUSES = ["OPEN", "RESOLVED", "ALL"] as const;
const CONFLICT_SLICES = ["mine", "all"] as const;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a date");

export const conflictListQuery = listSchema(["slaDueAt", "openedAt"] as const, "slaDueAt", {
  type: z.enum(CONFLICT_TYPES).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  // without a status the list holds the open cases: what every role works on
  status: z.enum(CONFLICT_STATUSES).default("OPEN"),
  overdue: z.enum(["true"]).optional(),
  partnerId: id.optional(),
  region: z
    .string()
    .trim()
    .regex(/^[A-Z-]{2,32}$/)
    .optional(),
  accountId: id.optional(),
  /** The account executive of the case: owner of the account, AE of the opportunity, or the direct party. */
  aeId: id.optional(),
  /** Cases with a partner party of this tier (the conflict-pattern report's tier counts). */
  tier: z.enum(PARTNER_TIERS).optional(),
  /**
   * Cases whose deal was routed by this rule: the opportunity's route decision when it was routed,
   * else a linked registration's (the conflict-pattern report's rule counts, lib/db/conflict-patterns.ts).
   */
  rule: id.optional(),
  openedFrom: day.optional(),
  openedTo: day.optional(),
  /**
   * Resolved cases a partner party won (full credit) or lost (none): the partner of `partnerId` for
   * staff, the caller's own company in the portal (the scorecard's conflicts won/lost).
   */
  partnerOutcome: z.enum(["won", "lost"]).optional(),
  // --- revenue council (lib/council/links.ts): cases resolved in a period, and by who leads the
  // case's deal (its opportunity's route; cases without a deal match no lead) ---
  resolvedFrom: day.optional(),
  resolvedTo: day.optional(),
  lead: z.enum(["AE", "JOINT", "PARTNER"]).optional(),
  /**
   * "mine" (the default): the caller's own slice — an executive's escalation level, a partner
   * manager's partners, an AE's deals; "all": everything the caller's scope holds.
   */
  slice: z.enum(CONFLICT_SLICES).default("mine"),
});
export type ConflictListQuery = z.infer<typeof conflictListQuery>;
/** The filters without paging: what countConflicts and the list share. */
export type ConflictFilters = Omit<ConflictListQuery, "sort" | "dir" | "after" | "before" | "pageSize">;

/** Filters from a partial record (defaults applied), e.g. for a dashboard count and its link. */
export function conflictFilters(input: Partial<Record<keyof ConflictFilters, string | number>>): ConflictListQuery {
  return conflictListQuery.parse(input);
}

/** The /conflicts query string of these filters: only what differs from the defaults, in a stable order. */
export function conflictQueryString(input: Partial<Record<keyof ConflictFilters, string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}
