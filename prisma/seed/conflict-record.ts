// Writes one conflict case (docs/domain.md#conflicts-and-escalation) as rows: the case, its parties, linked registrations and its
// append-only history. Free text never names a partner: partner users read these cases, and must
// not learn which partner holds a competing claim (docs/domain.md#roles-and-visibility).
import type { ConflictResolution, ConflictType } from "../../lib/db/generated/sqlite/enums";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { ConflictPath } from "./conflict-lifecycle";
import { IdSequence } from "./ids";
import type { SeedOpportunity } from "./opportunities";
import type { Random } from "./random";
import type { SeedRegistration } from "./registrations";
import { between, toSecond } from "./time";
import { type SeedAccount, type SeedPartner, type World, staffUser } from "./world";

export interface ConflictCase {
  type: ConflictType;
  path: ConflictPath;
  account: SeedAccount;
  opportunity: SeedOpportunity | null;
  registrations: SeedRegistration[];
  partners: SeedPartner[];
  /** The AE on the vendor's side, when the direct team is a party. */
  directUserId: string | null;
  summary: string;
  resolution: ConflictResolution | null;
  rationale: string | null;
  /** SPLIT: the first partner's credit %; the other party (direct side or second partner) gets the rest. */
  splitPct?: number;
  tags: string[];
  criteria: Prisma.InputJsonValue;
  /** Set when recorded. */
  id?: string;
  resolvedById?: string;
}

interface Person {
  id: string;
}

export class ConflictRecorder {
  private readonly ids = new IdSequence("cfl");
  private readonly partyIds = new IdSequence("cfp");
  private readonly eventIds = new IdSequence("cfe");
  /** Registrations and opportunities already in a case: each is used once. */
  readonly used = new Set<string>();

  constructor(private readonly world: World) {}

  record(rng: Random, c: ConflictCase): string {
    const id = this.ids.next();
    const { rows } = this.world;
    const last = c.path.steps[c.path.steps.length - 1];
    const resolved = c.path.resolvedAt !== null;
    rows.conflicts.push({
      id,
      type: c.type,
      status: resolved ? "RESOLVED" : "OPEN",
      level: last.level,
      accountId: c.account.id,
      opportunityId: c.opportunity?.id ?? null,
      summary: c.summary,
      slaDueAt: last.slaDueAt,
      criteria: c.criteria,
      resolution: c.resolution,
      rationale: c.rationale,
      ...(resolved ? { tags: c.tags } : {}),
      openedAt: c.path.openedAt,
      resolvedAt: c.path.resolvedAt,
      updatedAt: c.path.resolvedAt ?? last.enteredAt,
    });
    this.parties(id, c);
    for (const reg of c.registrations) rows.conflictRegistrations.push({ conflictId: id, registrationId: reg.id });
    this.events(rng, id, c);
    for (const reg of c.registrations) this.used.add(reg.id);
    if (c.opportunity) this.used.add(c.opportunity.id);
    c.id = id;
    return id;
  }

  private parties(conflictId: string, c: ConflictCase): void {
    const split = c.resolution === "SPLIT" && c.splitPct !== undefined;
    c.partners.forEach((partner, i) => {
      const creditPct = split ? (i === 0 ? c.splitPct! : 100 - c.splitPct!) : null;
      this.world.rows.conflictParties.push({
        id: this.partyIds.next(),
        conflictId,
        kind: "PARTNER",
        partnerId: partner.id,
        creditPct,
      });
    });
    if (c.directUserId) {
      const creditPct = split && c.partners.length === 1 ? 100 - c.splitPct! : null;
      this.world.rows.conflictParties.push({
        id: this.partyIds.next(),
        conflictId,
        kind: "DIRECT",
        userId: c.directUserId,
        creditPct,
      });
    }
  }

  /** People who may speak in the case's history: partner users only when a single partner is party. */
  private voices(c: ConflictCase): Person[] {
    const voices: Person[] = c.partners.map((p) => ({ id: p.managerId }));
    if (c.directUserId) voices.push({ id: c.directUserId });
    if (c.partners.length === 1) voices.push({ id: c.partners[0].userId });
    return voices;
  }

  private decider(rng: Random, level: number, c: ConflictCase): string {
    if (level === 1)
      return c.directUserId && rng.chance(0.4) ? c.directUserId : (c.partners[0]?.managerId ?? c.directUserId!);
    if (level === 2) return staffUser(this.world, rng.pick(["vp-sales", "vp-channel"])).id;
    return staffUser(this.world, level === 3 ? "cro" : "ceo").id;
  }

  private events(rng: Random, conflictId: string, c: ConflictCase): void {
    const push = (
      kind: "OPENED" | "COMMENTED" | "ESCALATED" | "RESOLVED",
      at: Date,
      actorId: string | null,
      body: string,
      fromLevel?: number,
      toLevel?: number,
    ) =>
      this.world.rows.conflictEvents.push({
        id: this.eventIds.next(),
        conflictId,
        kind,
        actorId,
        fromLevel: fromLevel ?? null,
        toLevel: toLevel ?? null,
        body,
        at,
      });
    const [first, ...escalations] = c.path.steps;
    push("OPENED", first.enteredAt, null, OPENED_BODY[c.type], undefined, 1);
    const voices = this.voices(c);
    const end = c.path.resolvedAt ?? this.world.now;
    for (let i = 0, n = rng.int(0, 2); i < n; i++) {
      push("COMMENTED", toSecond(between(first.enteredAt, end, rng.next())), rng.pick(voices).id, rng.pick(COMMENTS));
    }
    for (const step of escalations) {
      const auto = step.via === "auto";
      push(
        "ESCALATED",
        step.enteredAt,
        auto ? null : rng.pick(voices).id,
        auto
          ? `Level ${step.level - 1} SLA passed: escalated automatically.`
          : "Escalated: the parties could not agree at this level.",
        step.level - 1,
        step.level,
      );
    }
    if (c.path.resolvedAt) {
      const level = c.path.steps[c.path.steps.length - 1].level;
      c.resolvedById = this.decider(rng, level, c);
      push("RESOLVED", c.path.resolvedAt, c.resolvedById, c.rationale ?? "", level);
    }
  }
}

const OPENED_BODY: Readonly<Record<ConflictType, string>> = {
  DUPLICATE_REGISTRATION:
    "Detected on submission: another partner holds an active claim on this account and product line.",
  DIRECT_VS_PARTNER: "Detected on submission: the direct team has an open opportunity on this account.",
  NAMED_ACCOUNT: "Detected on submission: the account is a named account reserved for the direct team.",
  PRICING_UNDERCUT: "Flagged: a direct quote discounts a deal on which a partner holds protection.",
  ATTRIBUTION_DISPUTE: "Raised after close: the sourcing credit of this deal is disputed.",
};

const COMMENTS = [
  "Sharing the customer's e-mail thread from the first meeting.",
  "Customer confirmed they spoke to both sides in the same week.",
  "Requesting a call with both parties before a decision.",
  "Attached the activity log from the CRM.",
  "The customer prefers a single point of contact for delivery.",
];

export function resolutionTags(
  c: Pick<ConflictCase, "type" | "account" | "resolution">,
  extra: readonly string[] = [],
): string[] {
  const slug = (s: string) => s.toLowerCase().replace(/_/g, "-");
  return [
    slug(c.type),
    slug(c.account.vertical),
    slug(c.account.region.code),
    ...(c.resolution ? [slug(c.resolution)] : []),
    ...extra,
  ];
}

/** The objective criteria shown on the decision screen (docs/domain.md#conflicts-and-escalation). */
export function caseCriteria(
  rng: Random,
  deal: { account: SeedAccount; acvCents: number },
  decision: { ruleId: string | null; rulePriority: number | null; ruleName: string | null; route: string } | null,
  registeredFirst: "PARTNER" | "DIRECT" | null,
): Prisma.InputJsonValue {
  const fit = { STRATEGIC: 5, ENTERPRISE: 4, MIDMARKET: 3, SMB: 2 }[deal.account.tier];
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    winProbabilityPartner: round2(rng.real(0.2, 0.6)),
    winProbabilityDirect: round2(rng.real(0.2, 0.6)),
    customerLifetimeValueCents: Math.round(deal.acvCents * rng.real(2.5, 5)),
    strategicFit: fit,
    registeredFirst,
    rule: decision
      ? { id: decision.ruleId, priority: decision.rulePriority, name: decision.ruleName, route: decision.route }
      : null,
  };
}
