// The forecast's query (the /forecast page's picker and GET /api/v1/forecast): a quarter "YYYY-Qn".
import { z } from "zod";
import { parseQuarter } from "@/lib/dates/quarters";

export const forecastQuery = z.object({
  /** the quarter; the current one when left out */
  period: z
    .string()
    .trim()
    .refine((v) => parseQuarter(v) !== null, "Use a quarter like 2026-Q4")
    .optional()
    .describe("A calendar quarter (UTC), e.g. 2026-Q4; the current quarter when left out"),
});
