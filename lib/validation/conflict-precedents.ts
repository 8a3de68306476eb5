// The precedent log's query string (/conflicts/precedents, lib/db/conflict-precedents.ts): a text
// search and filters, all in the URL so a search is a shareable link.
import { z } from "zod";
import { CONFLICT_TYPES, cursor, optionalText } from "./lists";

export const CONFLICT_RESOLUTIONS = ["AWARD_PARTNER", "AWARD_DIRECT", "SPLIT", "CO_SELL", "DISMISSED"] as const;

export const precedentSearchQuery = z.object({
  q: optionalText,
  type: z.enum(CONFLICT_TYPES).optional(),
  resolution: z.enum(CONFLICT_RESOLUTIONS).optional(),
  region: z
    .string()
    .trim()
    .regex(/^[A-Z-]{2,32}$/, "Unknown region")
    .optional(),
  tag: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z0-9-]+$/, "A tag is lower-case words joined by hyphens")
    .optional(),
  after: cursor.optional(),
  before: cursor.optional(),
});
export type PrecedentSearchQuery = z.infer<typeof precedentSearchQuery>;
