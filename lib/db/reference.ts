// Reference data the forms offer as choices: the countries the vendor sells in (those mapped to a
// region, so every choice can be routed) and the product lines. Not tenant data: no scope needed.
import "server-only";
import { cache } from "react";
import { db } from "./client";

export type CountryOption = { code: string; region: string };

export const listCountries = cache(async (): Promise<CountryOption[]> => {
  const rows = await db.regionCountry.findMany({
    select: { country: true, region: { select: { name: true } } },
    orderBy: { country: "asc" },
  });
  return rows.map((r) => ({ code: r.country, region: r.region.name }));
});

export const listProductLines = cache(async (): Promise<{ name: string }[]> => {
  return db.productLine.findMany({ select: { name: true }, orderBy: { name: "asc" } });
});
