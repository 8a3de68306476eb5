// The reference data page's writes on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// create and edit audited with before and after, duplicate names 409 with a field message, rows in
// use refused with 409 naming what uses them, non-admins refused, and a region's direct presence
// read by the very next route decision (lib/db/deal-facts.ts reads it afresh).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createProductLine,
  createRegion,
  createSegment,
  deleteProductLine,
  deleteRegion,
  readReferenceData,
  updateProductLine,
  updateRegion,
  updateSegment,
} from "@/lib/db/reference-admin";
import { previewRoute } from "@/lib/db/route-decisions";
import { ctxFor } from "../support/contexts";
import { errorOf } from "../support/errors";

const regionOf = (code: string) =>
  db.region.findUniqueOrThrow({
    where: { code },
    select: { id: true, code: true, name: true, directPresence: true, countries: { select: { country: true } } },
  });
const asInput = (r: Awaited<ReturnType<typeof regionOf>>) => ({
  code: r.code,
  name: r.name,
  directPresence: r.directPresence,
  countries: r.countries.map((c) => c.country),
});

describe("reference data", () => {
  it("a region is created with its countries, edited, and audited with before and after", async () => {
    const ops = await ctxFor("ops@accord.test");
    const { id } = await createRegion(ops, { code: "nordics", name: "Nordics", directPresence: false, countries: [] });
    expect((await regionOf("NORDICS")).name).toBe("Nordics");
    const moved = await errorOf(
      updateRegion(ops, id, { code: "NORDICS", name: "Nordics", directPresence: true, countries: ["de"] }),
    );
    expect(moved.code).toBe("CONFLICT");
    expect(moved.fields?.countries?.[0]).toMatch(/DE \(EMEA West\)/);
    await updateRegion(ops, id, {
      code: "NORDICS",
      name: "Nordic countries",
      directPresence: true,
      countries: ["bv", "AQ"],
    });
    const after = await regionOf("NORDICS");
    expect(after.directPresence).toBe(true);
    expect(after.countries.map((c) => c.country).sort()).toEqual(["AQ", "BV"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "region.update", entityId: id } });
    expect(event.before).toMatchObject({ name: "Nordics", directPresence: false, countries: [] });
    expect(event.after).toMatchObject({ name: "Nordic countries", directPresence: true, countries: ["AQ", "BV"] });
    expect(event.actorId).toBe(ops.userId);
    await deleteRegion(ops, id);
    expect(await db.regionCountry.count({ where: { country: { in: ["AQ", "BV"] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "region.delete", entityId: id } })).toBe(1);
  });

  it("duplicate codes and names are 409 with a field message; invalid input names its field", async () => {
    const ops = await ctxFor("ops@accord.test");
    const dup = await errorOf(createRegion(ops, { code: "apac", name: "Again", directPresence: true, countries: [] }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.fields?.code).toEqual(["Another region has this code"]);
    const lines = await db.productLine.findMany({
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    });
    const lineDup = await errorOf(updateProductLine(ops, lines[1]!.id, { name: lines[0]!.name, kind: "CORE" }));
    expect(lineDup.code).toBe("CONFLICT");
    expect(lineDup.fields?.name).toEqual(["Another product line has this name"]);
    const bad = await errorOf(createRegion(ops, { code: "X", name: "", directPresence: true, countries: ["Germany"] }));
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["code", "countries", "name"]);
    const bounds = await errorOf(createSegment(ops, { name: "Odd", description: "", acvMin: 10, acvMax: 5 }));
    expect(bounds.fields?.acvMax).toEqual(["The upper bound must not be below the lower bound"]);
    const segments = await db.segment.findMany({ select: { name: true }, take: 2 });
    const segDup = await errorOf(
      createSegment(ops, { name: segments[0]!.name, description: "", acvMin: null, acvMax: null }),
    );
    expect(segDup.fields?.name).toEqual(["Another segment has this name"]);
  });

  it("rows in use are refused with 409 naming what uses them; an unused product line is deleted", async () => {
    const ops = await ctxFor("ops@accord.test");
    const apac = await regionOf("APAC");
    const inUse = await errorOf(deleteRegion(ops, apac.id));
    expect(inUse.code).toBe("CONFLICT");
    expect(inUse.message).toMatch(/Asia-Pacific is used by \d+ account/);
    const used = await db.productLine.findFirstOrThrow({
      where: { opportunities: { some: {} } },
      select: { id: true },
    });
    expect((await errorOf(deleteProductLine(ops, used.id))).message).toMatch(/opportunit/);
    const { id } = await createProductLine(ops, { name: "  Edge Gateway ", kind: "ADDON" });
    const row = await db.productLine.findUniqueOrThrow({ where: { id }, select: { name: true, nameKey: true } });
    expect(row).toEqual({ name: "Edge Gateway", nameKey: "edge gateway" });
    await deleteProductLine(ops, id);
    expect(await db.productLine.count({ where: { id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: id, action: { startsWith: "productline." } } })).toBe(2);
  });

  it("a segment edit keeps the criteria the page does not show", async () => {
    const ops = await ctxFor("ops@accord.test");
    const seg = await db.segment.findFirstOrThrow({ select: { id: true, name: true, criteria: true } });
    await updateSegment(ops, seg.id, { name: seg.name, description: "Edited", acvMin: 1000, acvMax: null });
    const after = await db.segment.findUniqueOrThrow({ where: { id: seg.id }, select: { criteria: true } });
    const { acvMinCents: _min, acvMaxCents: _max, ...rest } = seg.criteria as Record<string, unknown>;
    expect(after.criteria).toEqual({ ...rest, acvMinCents: 100_000 });
    expect(await db.auditEvent.count({ where: { action: "segment.update", entityId: seg.id } })).toBe(1);
  });

  it("non-admins are refused every read and write", async () => {
    const apac = await regionOf("APAC");
    for (const email of ["pm@accord.test", "ae@accord.test", "vp.sales@accord.test", "maya.chen@accord.test"]) {
      const ctx = await ctxFor(email);
      expect((await errorOf(readReferenceData(ctx))).code).toBe("FORBIDDEN");
      expect((await errorOf(updateRegion(ctx, apac.id, { ...asInput(apac), directPresence: false }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await errorOf(createProductLine(ctx, { name: "Nope", kind: "CORE" }))).code).toBe("FORBIDDEN");
    }
    expect((await regionOf("APAC")).directPresence).toBe(apac.directPresence);
  });

  it("a region's direct presence decides the next route decision", async () => {
    const ops = await ctxFor("ops@accord.test");
    const input = { country: "PL", vertical: "MEDIA" as const, productLine: "Platform", estimatedAcv: 5_000_000 };
    const region = await regionOf("EMEA-SECONDARY");
    expect(region.directPresence).toBe(false);
    expect((await previewRoute(ops, input)).ruleName).toBe("No direct presence in region");
    await updateRegion(ops, region.id, { ...asInput(region), directPresence: true });
    expect((await previewRoute(ops, input)).ruleName).not.toBe("No direct presence in region");
  });
});
