// The notification list's URL (app/(app)/notifications/page.tsx): kind, unread only, page.
import { z } from "zod";
import { noNul } from "./nul";

export const notificationQuery = z.object({
  kind: z.string().trim().max(64).refine(noNul, "Invalid character").optional(),
  unread: z.enum(["1"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
