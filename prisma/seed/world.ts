// The in-memory model of the demo company while it is being generated. Generators read the world
// and append rows; nothing touches the database until every row is planned, so the writes can go
// in a few large batches and the same `now` always plans the same rows.
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type {
  AccountTier,
  ExecTitle,
  PartnerStatus,
  PartnerTier,
  PartnerType,
  ProductKind,
  Role,
  Vertical,
} from "../../lib/db/generated/sqlite/enums";

export interface SeedRegion {
  id: string;
  code: string;
  directPresence: boolean;
}

export interface SeedProductLine {
  id: string;
  name: string;
  kind: ProductKind;
}

export interface SeedUser {
  id: string;
  key: string;
  email: string;
  name: string;
  role: Role;
  title: ExecTitle | null;
  partnerId: string | null;
  territory: readonly string[];
}

export interface SeedPartner {
  id: string;
  name: string;
  type: PartnerType;
  tier: PartnerTier;
  status: PartnerStatus;
  managerId: string;
  userId: string;
  regionCodes: readonly string[];
  verticals: readonly Vertical[];
}

export interface SeedAccount {
  id: string;
  name: string;
  nameKey: string;
  domain: string | null;
  domainKey: string | null;
  country: string;
  region: SeedRegion;
  vertical: Vertical;
  tier: AccountTier;
  namedAccount: boolean;
  ownerId: string | null;
}

/** Every row the demo seed writes, grouped by table, in an order that satisfies foreign keys. */
export interface Rows {
  users: Prisma.UserCreateManyInput[];
  partners: Prisma.PartnerCreateManyInput[];
  partnerRegions: Prisma.PartnerRegionCreateManyInput[];
  partnerVerticals: Prisma.PartnerVerticalCreateManyInput[];
  productLines: Prisma.ProductLineCreateManyInput[];
  corridors: Prisma.PricingCorridorCreateManyInput[];
  ruleSets: Prisma.RuleSetCreateManyInput[];
  rules: Prisma.RuleCreateManyInput[];
  accounts: Prisma.AccountCreateManyInput[];
  decisions: Prisma.RouteDecisionCreateManyInput[];
  opportunities: Prisma.OpportunityCreateManyInput[];
  touches: Prisma.PartnerTouchCreateManyInput[];
  opportunityEvents: Prisma.OpportunityEventCreateManyInput[];
  registrations: Prisma.DealRegistrationCreateManyInput[];
  registrationEvents: Prisma.RegistrationEventCreateManyInput[];
  extensions: Prisma.RegistrationExtensionCreateManyInput[];
  conflicts: Prisma.ConflictCreateManyInput[];
  conflictParties: Prisma.ConflictPartyCreateManyInput[];
  conflictRegistrations: Prisma.ConflictRegistrationCreateManyInput[];
  conflictEvents: Prisma.ConflictEventCreateManyInput[];
  attributions: Prisma.AttributionCreateManyInput[];
  payoutAdjustments: Prisma.PayoutAdjustmentCreateManyInput[];
  mdfFunds: Prisma.MdfFundCreateManyInput[];
  mdfRequests: Prisma.MdfRequestCreateManyInput[];
  assessments: Prisma.MaturityAssessmentCreateManyInput[];
  scores: Prisma.MaturityScoreCreateManyInput[];
  councilMeetings: Prisma.CouncilMeetingCreateManyInput[];
  councilAttendees: Prisma.CouncilAttendeeCreateManyInput[];
  councilDecisions: Prisma.CouncilDecisionCreateManyInput[];
  councilActionItems: Prisma.CouncilActionItemCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
  settings: Prisma.AppSettingCreateManyInput[];
}

export function emptyRows(): Rows {
  return {
    users: [],
    partners: [],
    partnerRegions: [],
    partnerVerticals: [],
    productLines: [],
    corridors: [],
    ruleSets: [],
    rules: [],
    accounts: [],
    decisions: [],
    opportunities: [],
    touches: [],
    opportunityEvents: [],
    registrations: [],
    registrationEvents: [],
    extensions: [],
    conflicts: [],
    conflictParties: [],
    conflictRegistrations: [],
    conflictEvents: [],
    attributions: [],
    payoutAdjustments: [],
    mdfFunds: [],
    mdfRequests: [],
    assessments: [],
    scores: [],
    councilMeetings: [],
    councilAttendees: [],
    councilDecisions: [],
    councilActionItems: [],
    auditEvents: [],
    settings: [],
  };
}

export interface World {
  now: Date;
  /** When the rule set in force took effect: no demo deal is older. */
  historyStart: Date;
  productLines: readonly SeedProductLine[];
  staff: ReadonlyMap<string, SeedUser>;
  /** Every demo user (staff and partner users) by id: actor names for timelines. */
  usersById: ReadonlyMap<string, SeedUser>;
  aes: readonly SeedUser[];
  partners: readonly SeedPartner[];
  accounts: readonly SeedAccount[];
  rows: Rows;
}

export function staffUser(world: Pick<World, "staff">, key: string): SeedUser {
  const user = world.staff.get(key);
  if (!user) throw new Error(`demo staff member "${key}" is missing`);
  return user;
}
