// The demo company's organisation: staff, partners with their portal users, product lines and
// pricing corridors. Produces both the rows to insert and the in-memory view generators use.
import { normalizeAccountName } from "../../lib/accounts/normalize";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { CORRIDOR_MAX_DISCOUNT, PRODUCT_LINES } from "./catalog";
import { seedId } from "./ids";
import { PARTNERS } from "./partners";
import { DEMO_ACCOUNTS, STAFF, partnerUserEmail, userName } from "./people";
import { addDays } from "./time";
import type { Rows, SeedPartner, SeedProductLine, SeedRegion, SeedUser } from "./world";

export interface Org {
  staff: Map<string, SeedUser>;
  usersById: Map<string, SeedUser>;
  aes: SeedUser[];
  partners: SeedPartner[];
  productLines: SeedProductLine[];
}

function staffUsers(rows: Rows, passwordHash: string, joined: Date): Map<string, SeedUser> {
  const staff = new Map<string, SeedUser>();
  STAFF.forEach((s, i) => {
    const id = seedId("usr", i + 1);
    const name = userName(s.email, s.name);
    staff.set(s.key, {
      id,
      key: s.key,
      email: s.email,
      name,
      role: s.role,
      title: s.title ?? null,
      partnerId: null,
      territory: s.territory ?? [],
    });
    rows.users.push({
      id,
      email: s.email,
      name,
      passwordHash,
      role: s.role,
      title: s.title ?? null,
      createdAt: joined,
      updatedAt: joined,
    });
  });
  return staff;
}

/** Certified staff per partner: enough for its tier's default criterion (lib/scorecards/tiers.ts), some above. */
const CERTIFICATIONS: Record<SeedPartner["tier"], number> = { PLATINUM: 6, GOLD: 3, SILVER: 1, REGISTERED: 0 };

function partnersAndUsers(
  rows: Rows,
  staff: Map<string, SeedUser>,
  usersById: Map<string, SeedUser>,
  regions: ReadonlyMap<string, SeedRegion>,
  passwordHash: string,
  joined: Date,
): SeedPartner[] {
  return PARTNERS.map((spec, i) => {
    const id = seedId("ptn", i + 1);
    const userId = seedId("usr", 100 + i + 1);
    const status = spec.status ?? "ACTIVE";
    const managerId = staff.get(spec.manager)!.id;
    const since = addDays(joined, (i % 10) * 9); // partners signed over the first quarter
    rows.partners.push({
      id,
      name: spec.name,
      nameKey: normalizeAccountName(spec.name),
      type: spec.type,
      tier: spec.tier,
      status,
      managerId,
      website: `https://www.${spec.domain}`,
      country: spec.country,
      certifications: CERTIFICATIONS[spec.tier] + (i % 3),
      createdAt: since,
      updatedAt: since,
    });
    for (const code of spec.regions) rows.partnerRegions.push({ partnerId: id, regionId: regions.get(code)!.id });
    for (const vertical of spec.verticals) rows.partnerVerticals.push({ partnerId: id, vertical });
    const email = partnerUserEmail(spec.contact, spec.domain);
    const name = userName(email, spec.contact);
    usersById.set(userId, {
      id: userId,
      key: email,
      email,
      name,
      role: "PARTNER",
      title: null,
      partnerId: id,
      territory: [],
    });
    rows.users.push({
      id: userId,
      email,
      name,
      passwordHash,
      role: "PARTNER",
      partnerId: id,
      active: status === "ACTIVE",
      createdAt: since,
      updatedAt: since,
    });
    return {
      id,
      name: spec.name,
      type: spec.type,
      tier: spec.tier,
      status,
      managerId,
      userId,
      regionCodes: spec.regions,
      verticals: spec.verticals,
    };
  });
}

function productLines(rows: Rows): SeedProductLine[] {
  return PRODUCT_LINES.map((spec, i) => {
    const id = seedId("prl", i + 1);
    rows.productLines.push({ id, name: spec.name, nameKey: spec.name.toLowerCase(), kind: spec.kind });
    Object.entries(CORRIDOR_MAX_DISCOUNT[spec.kind]).forEach(([route, maxDiscountPct], j) => {
      const corridor: Prisma.PricingCorridorCreateManyInput = {
        id: seedId("pcor", i * 10 + j + 1),
        productLineId: id,
        route: route as Prisma.PricingCorridorCreateManyInput["route"],
        maxDiscountPct,
      };
      rows.corridors.push(corridor);
    });
    return { id, name: spec.name, kind: spec.kind };
  });
}

/** The sign-in page promises these users: fail loudly if the organisation drifts from the list. */
function assertDemoAccounts(rows: Rows): void {
  const partnerName = new Map(rows.partners.map((p) => [p.id, p.name]));
  for (const account of DEMO_ACCOUNTS) {
    const user = rows.users.find((u) => u.email === account.email);
    const matches =
      user &&
      user.role === account.role &&
      (user.title ?? undefined) === account.title &&
      (user.partnerId ? partnerName.get(user.partnerId) : undefined) === account.partner;
    if (!matches) throw new Error(`demo sign-in ${account.email} does not match the seeded users`);
  }
}

/** Builds the organisation; `joined` is when the vendor's team and first partners were set up. */
export function buildOrg(
  rows: Rows,
  regions: ReadonlyMap<string, SeedRegion>,
  passwordHash: string,
  joined: Date,
): Org {
  const staff = staffUsers(rows, passwordHash, joined);
  const usersById = new Map([...staff.values()].map((u) => [u.id, u]));
  const partners = partnersAndUsers(rows, staff, usersById, regions, passwordHash, joined);
  const aes = [...staff.values()].filter((u) => u.role === "AE");
  assertDemoAccounts(rows);
  return { staff, usersById, aes, partners, productLines: productLines(rows) };
}
