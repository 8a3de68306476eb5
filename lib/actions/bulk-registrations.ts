"use server";
// Server actions of the bulk CSV upload; the work is in lib/registrations/bulk-import.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import { importRegistrationRows, validateRegistrationCsv } from "@/lib/registrations/bulk-import";
import { IMPORT_CHUNK_SIZE } from "@/lib/registrations/csv";

// No length limit here: the parser refuses files over 2 MB before any work, and Next.js caps the
// request body before this code runs.
export const validateCsvAction = defineAction(z.object({ csv: z.string() }), (ctx, { csv }) =>
  validateRegistrationCsv(ctx, csv),
);

const chunkInput = z
  .object({
    // chosen by the browser once per file; it only namespaces idempotency keys, which are per partner
    batchId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "Invalid batch id"),
    // input is checked row by row below, so one malformed row cannot reject its 49 neighbours
    rows: z
      .array(z.object({ line: z.number().int().min(2).max(1_000_000), input: z.unknown() }))
      .min(1)
      .max(IMPORT_CHUNK_SIZE),
  })
  .refine((c) => new Set(c.rows.map((r) => r.line)).size === c.rows.length, {
    message: "A line appears twice in this chunk",
    path: ["rows"],
  });

export const importCsvChunkAction = defineAction(chunkInput, async (ctx, { batchId, rows }) => {
  const results = await importRegistrationRows(ctx, batchId, rows);
  if (results.some((r) => r.ok)) {
    revalidatePath("/portal");
    revalidatePath("/portal/registrations");
  }
  return results;
});
