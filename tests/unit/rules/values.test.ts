import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_TIERS,
  ATTRIBUTION_CATEGORIES,
  FACT_FIELDS,
  FIELD_CATALOGUE,
  LEAD_ROLES,
  OPS_BY_TYPE,
  PARTNER_TIERS,
  PARTNER_TYPES,
  PRODUCT_KINDS,
  REGISTRATION_STATUS_FACTS,
  ROUTES,
  RULE_SET_STATUSES,
  STAGES,
  VERTICALS,
} from "@/lib/rules/types";

// lib/rules declares its own value lists (it may not import Prisma); they must stay in step
// with the enums of the Prisma schema, which is the source of truth for stored data.
const schema = readFileSync(path.resolve(__dirname, "../../../prisma/schema.prisma"), "utf8");

function prismaEnum(name: string): string[] {
  const block = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (!block) throw new Error(`enum ${name} not found in prisma/schema.prisma`);
  return block[1]
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter(Boolean);
}

describe("value lists match the Prisma enums", () => {
  it.each<[string, readonly string[]]>([
    ["Route", ROUTES],
    ["LeadRole", LEAD_ROLES],
    ["AttributionCategory", ATTRIBUTION_CATEGORIES],
    ["Vertical", VERTICALS],
    ["AccountTier", ACCOUNT_TIERS],
    ["ProductKind", PRODUCT_KINDS],
    ["PartnerType", PARTNER_TYPES],
    ["PartnerTier", PARTNER_TIERS],
    ["Stage", STAGES],
    ["RuleSetStatus", RULE_SET_STATUSES],
    // NONE exists only as a fact: a deal without a registration.
    ["RegistrationStatus", REGISTRATION_STATUS_FACTS.filter((s) => s !== "NONE")],
  ])("%s", (name, values) => {
    expect([...values]).toEqual(prismaEnum(name));
  });
});

describe("field catalogue", () => {
  it("describes every fact with ops that fit its type", () => {
    expect(Object.keys(FIELD_CATALOGUE)).toEqual([...FACT_FIELDS]);
    for (const field of FACT_FIELDS) {
      const spec = FIELD_CATALOGUE[field];
      expect(spec.field).toBe(field);
      expect(spec.ops).toEqual(OPS_BY_TYPE[spec.type]);
      if (spec.type === "enum") expect(spec.values?.length).toBeGreaterThan(0);
      if (spec.type === "string")
        for (const example of spec.examples ?? []) expect(spec.pattern?.test(example) ?? true).toBe(true);
    }
    expect(FIELD_CATALOGUE.acv.type).toBe("money");
    expect(FIELD_CATALOGUE.at.type).toBe("date");
    expect(FIELD_CATALOGUE.registrationStatus.values).toContain("NONE");
  });
});
