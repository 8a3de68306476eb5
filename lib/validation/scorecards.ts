// The scorecard pages' and API's query (docs/domain.md#scorecards-and-tiers): a quarter, and for the
// staff table a sort column and direction.
import { z } from "zod";
import { parseQuarter } from "@/lib/dates/quarters";
import { SCORECARD_SORTS } from "@/lib/scorecards";

export const scorecardQuery = z.object({
  period: z
    .string()
    .trim()
    .refine((v) => parseQuarter(v) !== null, "Use a quarter like 2026-Q4")
    .optional(),
  sort: z.enum(SCORECARD_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).optional(),
});
