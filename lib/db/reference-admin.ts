// The reference data page's reads and writes (docs/architecture.md#administration): regions with
// their countries and direct presence, product lines, segments. Channel operations only, checked
// here. Routing reads a region's direct presence afresh for every decision (lib/db/deal-facts.ts),
// so a saved change is effective on the next request. Every change is audited with before and
// after in the same transaction; a duplicate name or code is a 409 with a field message.
import "server-only";
import { z } from "zod";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { PRODUCT_KINDS } from "@/lib/rules/values";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { transaction } from "./transaction";

function assertAdmin(ctx: Ctx) {
  if (!can(ctx, "settings:manage")) throw forbidden();
}

const isUnique = (error: unknown) => (error as { code?: string })?.code === "P2002";
const taken = (field: string, message: string) => new AppError("CONFLICT", message, { [field]: [message] });

const regionInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,32}$/, "Use 2 to 32 letters, digits or dashes"),
  name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
  directPresence: z.boolean(),
  countries: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, "Each country is a two-letter ISO code, like DE"),
    )
    .max(300, "At most 300 countries")
    .transform((xs) => [...new Set(xs)].sort()),
});
export type RegionInput = z.input<typeof regionInput>;

const productLineInput = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
  kind: z.enum(PRODUCT_KINDS, { message: "Choose core, add-on or services" }),
});
export type ProductLineInput = { name: string; kind: string };

const dollars = z
  .number({ message: "Enter an amount in dollars" })
  .nonnegative("Cannot be negative")
  .max(1e10, "Too large")
  .nullable();
const segmentInput = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
    description: z.string().trim().max(500, "At most 500 characters"),
    acvMin: dollars,
    acvMax: dollars,
  })
  .refine((s) => s.acvMin === null || s.acvMax === null || s.acvMin <= s.acvMax, {
    path: ["acvMax"],
    message: "The upper bound must not be below the lower bound",
  });
export type SegmentInput = z.input<typeof segmentInput>;

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fields[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", "Check the highlighted fields", fields);
}

export async function readReferenceData(ctx: Ctx) {
  assertAdmin(ctx);
  const [regions, productLines, segments] = await Promise.all([
    db.region.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        directPresence: true,
        countries: { select: { country: true }, orderBy: { country: "asc" } },
        _count: { select: { accounts: true, partners: true } },
      },
      orderBy: { name: "asc" },
    }),
    db.productLine.findMany({
      select: {
        id: true,
        name: true,
        kind: true,
        _count: { select: { opportunities: true, registrations: true, corridors: true } },
      },
      orderBy: { name: "asc" },
    }),
    db.segment.findMany({
      select: { id: true, name: true, description: true, criteria: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    regions: regions.map((r) => ({ ...r, countries: r.countries.map((c) => c.country) })),
    productLines,
    segments: segments.map((s) => {
      const c = (s.criteria ?? {}) as { acvMinCents?: unknown; acvMaxCents?: unknown };
      return {
        id: s.id,
        name: s.name,
        description: s.description,
        acvMinCents: typeof c.acvMinCents === "number" ? c.acvMinCents : null,
        acvMaxCents: typeof c.acvMaxCents === "number" ? c.acvMaxCents : null,
      };
    }),
  };
}

// ───────────── regions ─────────────

async function regionSnapshot(tx: Tx, id: string) {
  const r = await tx.region.findUnique({
    where: { id },
    select: { code: true, name: true, directPresence: true, countries: { select: { country: true } } },
  });
  return r && { ...r, countries: r.countries.map((c) => c.country).sort() };
}

/** Countries already in another region are refused (409) naming that region: move them explicitly. */
async function claimCountries(tx: Tx, regionId: string, countries: string[]) {
  const elsewhere = await tx.regionCountry.findMany({
    where: { country: { in: countries }, regionId: { not: regionId } },
    select: { country: true, region: { select: { name: true } } },
    orderBy: { country: "asc" },
  });
  if (elsewhere.length > 0) {
    const list = elsewhere.map((e) => `${e.country} (${e.region.name})`).join(", ");
    throw taken("countries", `Already in another region: ${list}. Remove them there first.`);
  }
  await tx.regionCountry.deleteMany({ where: { regionId, country: { notIn: countries } } });
  const have = await tx.regionCountry.findMany({ where: { regionId }, select: { country: true } });
  const missing = countries.filter((c) => !have.some((h) => h.country === c));
  for (const country of missing) await tx.regionCountry.create({ data: { country, regionId } });
}

async function regionWrite<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(db, fn, { isolationLevel: "Serializable" });
  } catch (error) {
    if (isUnique(error)) throw taken("code", "Another region has this code");
    throw error;
  }
}

export async function createRegion(ctx: Ctx, input: RegionInput, now = new Date()) {
  assertAdmin(ctx);
  const data = parse(regionInput, input);
  return regionWrite(async (tx) => {
    if (await tx.region.findUnique({ where: { code: data.code }, select: { id: true } }))
      throw taken("code", "Another region has this code");
    const row = await tx.region.create({
      data: { code: data.code, name: data.name, directPresence: data.directPresence },
      select: { id: true },
    });
    await claimCountries(tx, row.id, data.countries);
    const after = await regionSnapshot(tx, row.id);
    await audit(tx, ctx, { action: "region.create", entityType: "Region", entityId: row.id, after }, now);
    return row;
  });
}

export async function updateRegion(ctx: Ctx, id: string, input: RegionInput, now = new Date()) {
  assertAdmin(ctx);
  const data = parse(regionInput, input);
  return regionWrite(async (tx) => {
    const before = await regionSnapshot(tx, id);
    if (!before) throw notFound("Region");
    const clash = await tx.region.findFirst({ where: { code: data.code, id: { not: id } }, select: { id: true } });
    if (clash) throw taken("code", "Another region has this code");
    await tx.region.update({
      where: { id },
      data: { code: data.code, name: data.name, directPresence: data.directPresence },
      select: { id: true },
    });
    await claimCountries(tx, id, data.countries);
    const after = await regionSnapshot(tx, id);
    await audit(tx, ctx, { action: "region.update", entityType: "Region", entityId: id, before, after }, now);
    return { id };
  });
}

/** Only a region nothing uses: accounts and partners name it, so those refuse with 409. */
export async function deleteRegion(ctx: Ctx, id: string, now = new Date()) {
  assertAdmin(ctx);
  return transaction(db, async (tx) => {
    const before = await regionSnapshot(tx, id);
    if (!before) throw notFound("Region");
    const [accounts, partners] = await Promise.all([
      tx.account.count({ where: { regionId: id } }),
      tx.partnerRegion.count({ where: { regionId: id } }),
    ]);
    const uses = [accounts && `${accounts} account(s)`, partners && `${partners} partner(s)`].filter(Boolean);
    if (uses.length > 0) throw new AppError("CONFLICT", `${before.name} is used by ${uses.join(" and ")}`);
    await tx.regionCountry.deleteMany({ where: { regionId: id } });
    await tx.region.delete({ where: { id }, select: { id: true } });
    await audit(tx, ctx, { action: "region.delete", entityType: "Region", entityId: id, before }, now);
    return { id };
  });
}

// ───────────── product lines ─────────────

async function productLineWrite<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(db, fn);
  } catch (error) {
    if (isUnique(error)) throw taken("name", "Another product line has this name");
    throw error;
  }
}

export async function createProductLine(ctx: Ctx, input: ProductLineInput, now = new Date()) {
  assertAdmin(ctx);
  const data = parse(productLineInput, input);
  return productLineWrite(async (tx) => {
    const row = await tx.productLine.create({
      data: { name: data.name, nameKey: data.name.toLowerCase(), kind: data.kind },
      select: { id: true },
    });
    await audit(
      tx,
      ctx,
      { action: "productline.create", entityType: "ProductLine", entityId: row.id, after: data },
      now,
    );
    return row;
  });
}

export async function updateProductLine(ctx: Ctx, id: string, input: ProductLineInput, now = new Date()) {
  assertAdmin(ctx);
  const data = parse(productLineInput, input);
  return productLineWrite(async (tx) => {
    const before = await tx.productLine.findUnique({ where: { id }, select: { name: true, kind: true } });
    if (!before) throw notFound("Product line");
    await tx.productLine.update({
      where: { id },
      data: { name: data.name, nameKey: data.name.toLowerCase(), kind: data.kind },
      select: { id: true },
    });
    await audit(
      tx,
      ctx,
      { action: "productline.update", entityType: "ProductLine", entityId: id, before, after: data },
      now,
    );
    return { id };
  });
}

export async function deleteProductLine(ctx: Ctx, id: string, now = new Date()) {
  assertAdmin(ctx);
  return transaction(db, async (tx) => {
    const before = await tx.productLine.findUnique({
      where: { id },
      select: {
        name: true,
        kind: true,
        _count: { select: { opportunities: true, registrations: true, corridors: true } },
      },
    });
    if (!before) throw notFound("Product line");
    const c = before._count;
    const uses = [
      c.opportunities && `${c.opportunities} opportunity(ies)`,
      c.registrations && `${c.registrations} registration(s)`,
      c.corridors && `${c.corridors} pricing corridor(s)`,
    ].filter(Boolean);
    if (uses.length > 0) throw new AppError("CONFLICT", `${before.name} is used by ${uses.join(", ")}`);
    await tx.productLine.delete({ where: { id }, select: { id: true } });
    await audit(
      tx,
      ctx,
      {
        action: "productline.delete",
        entityType: "ProductLine",
        entityId: id,
        before: { name: before.name, kind: before.kind },
      },
      now,
    );
    return { id };
  });
}

// ───────────── segments ─────────────

const toCents = (d: number | null) => (d === null ? undefined : Math.round(d * 100));

async function segmentWrite<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(db, fn);
  } catch (error) {
    if (isUnique(error)) throw taken("name", "Another segment has this name");
    throw error;
  }
}

export async function createSegment(ctx: Ctx, input: SegmentInput, now = new Date()) {
  assertAdmin(ctx);
  const data = parse(segmentInput, input);
  const criteria = { acvMinCents: toCents(data.acvMin), acvMaxCents: toCents(data.acvMax) };
  return segmentWrite(async (tx) => {
    const row = await tx.segment.create({
      data: { name: data.name, description: data.description, criteria: JSON.parse(JSON.stringify(criteria)) },
      select: { id: true, name: true, description: true, criteria: true },
    });
    await audit(tx, ctx, { action: "segment.create", entityType: "Segment", entityId: row.id, after: row }, now);
    return { id: row.id };
  });
}

/** Keeps the criteria this page does not edit (verticals, regions, kinds, tiers) as they are. */
export async function updateSegment(ctx: Ctx, id: string, input: SegmentInput, now = new Date()) {
  assertAdmin(ctx);
  const data = parse(segmentInput, input);
  return segmentWrite(async (tx) => {
    const before = await tx.segment.findUnique({
      where: { id },
      select: { name: true, description: true, criteria: true },
    });
    if (!before) throw notFound("Segment");
    const rest = { ...((before.criteria ?? {}) as Record<string, unknown>) };
    delete rest.acvMinCents;
    delete rest.acvMaxCents;
    const criteria = JSON.parse(
      JSON.stringify({ ...rest, acvMinCents: toCents(data.acvMin), acvMaxCents: toCents(data.acvMax) }),
    ) as object;
    const after = await tx.segment.update({
      where: { id },
      data: { name: data.name, description: data.description, criteria },
      select: { name: true, description: true, criteria: true },
    });
    await audit(tx, ctx, { action: "segment.update", entityType: "Segment", entityId: id, before, after }, now);
    return { id };
  });
}
