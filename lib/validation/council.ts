// The council's period in the URL (/exec?month=2026-11, GET /api/v1/council?month=2026-11): a month
// "YYYY-MM" or a quarter "YYYY-Qn" (the roll-up of its months), years 2000–2100 (lib/pricing/period.ts).
import { z } from "zod";
import { parsePeriod } from "@/lib/pricing/period";

const councilMonth = z
  .string()
  .trim()
  .refine((v) => parsePeriod(v) !== null, "Use a month like 2026-11 or a quarter like 2026-Q4");

export const councilQuery = z.object({ month: councilMonth });
