"use server";
// The reference data page (lib/db/reference-admin.ts): channel operations only, checked in the data layer.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "./define-action";
import {
  createProductLine,
  createRegion,
  createSegment,
  deleteProductLine,
  deleteRegion,
  updateProductLine,
  updateRegion,
  updateSegment,
} from "@/lib/db/reference-admin";

const id = z.string().trim().min(1).max(64);
const optionalId = id.optional();
// Field rules live in lib/db/reference-admin.ts; here only the shape, so messages come from one place.
const region = z.object({
  id: optionalId,
  code: z.string().max(100),
  name: z.string().max(1000),
  directPresence: z.boolean(),
  countries: z.array(z.string().max(100)).max(1000),
});
const productLine = z.object({ id: optionalId, name: z.string().max(1000), kind: z.string().max(32) });
const segment = z.object({
  id: optionalId,
  name: z.string().max(1000),
  description: z.string().max(5000),
  acvMin: z.number().nullable(),
  acvMax: z.number().nullable(),
});

function done<T>(result: T): T {
  revalidatePath("/admin/reference");
  return result;
}

export const saveRegionAction = defineAction(region, async (ctx, { id: regionId, ...input }) =>
  done(regionId ? await updateRegion(ctx, regionId, input) : await createRegion(ctx, input)),
);

export const deleteRegionAction = defineAction(z.object({ id }), async (ctx, input) =>
  done(await deleteRegion(ctx, input.id)),
);

export const saveProductLineAction = defineAction(productLine, async (ctx, { id: lineId, ...input }) =>
  done(lineId ? await updateProductLine(ctx, lineId, input) : await createProductLine(ctx, input)),
);

export const deleteProductLineAction = defineAction(z.object({ id }), async (ctx, input) =>
  done(await deleteProductLine(ctx, input.id)),
);

export const saveSegmentAction = defineAction(segment, async (ctx, { id: segmentId, ...input }) =>
  done(segmentId ? await updateSegment(ctx, segmentId, input) : await createSegment(ctx, input)),
);
