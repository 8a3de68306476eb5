// Demo hand-offs (docs/domain.md#hand-offs): small direct-sourced deals that need a partner and
// have none, waiting in the queue — some on offer (one overdue), one declined and re-offered, one
// back with ops after 3 offers — and two accepted, with the partner attached, a touch and the
// registration-equivalent claim an acceptance makes. Deterministic: the deals are taken in id
// order, partners ranked by lib/handoffs/ranking.ts, ids and times derived from `now`.
import { addBusinessDays, addDays, addHours } from "date-fns";
import type { Db } from "../../lib/db/connect";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { MAX_OFFERS_PER_ROUND, offerDueAt } from "../../lib/handoffs/next-step";
import { rankCandidates, type HandoffCandidate } from "../../lib/handoffs/ranking";
import { OPEN_STAGES } from "../../lib/opportunities/stages";
import { claimKeys, partnerClaimKeys } from "../../lib/registrations/claim-key";
import { copyDecisionFor } from "../../lib/db/handoff-offers";
import { seedId } from "./ids";

type Outcome = "DECLINED" | "EXPIRED" | "ACCEPTED" | "OFFERED";
/** Per deal: the outcome of each offer in turn (a round of at most 3). */
const SCENARIOS: Outcome[][] = [
  ["OFFERED"],
  ["OFFERED"], // made 3 business days ago: overdue until the expiry job runs
  ["OFFERED"],
  ["DECLINED", "OFFERED"],
  ["DECLINED", "EXPIRED", "DECLINED"], // back with ops
  ["ACCEPTED"],
  ["DECLINED", "ACCEPTED"],
];
const DECLINE_REASONS = [
  "No capacity in that territory this quarter",
  "Outside our practice's focus",
  "Customer is a competitor's reference account",
];
const SLA_DAYS = 2;
const PROTECTION_DAYS = 90;

const dealSelect = {
  id: true,
  name: true,
  acvCents: true,
  currency: true,
  closeDate: true,
  route: true,
  routeDecisionId: true,
  productLineId: true,
  routeDecision: { select: { protectionDays: true } },
  account: {
    select: {
      id: true,
      name: true,
      domain: true,
      country: true,
      vertical: true,
      nameKey: true,
      domainKey: true,
      regionId: true,
      region: { select: { name: true } },
    },
  },
} satisfies Prisma.OpportunitySelect;
type Deal = Prisma.OpportunityGetPayload<{ select: typeof dealSelect }>;

export async function seedHandoffs(db: Db, now: Date): Promise<number> {
  const deals = await db.opportunity.findMany({
    where: {
      source: "DIRECT",
      partnerId: null,
      stage: { in: [...OPEN_STAGES] },
      route: { in: ["PARTNER_LED", "CO_SELL"] },
      acvCents: { lt: 25_000_000n },
      handoffQueue: null,
      registration: null,
    },
    orderBy: { id: "asc" },
    take: SCENARIOS.length,
    select: dealSelect,
  });
  const partners = await db.partner.findMany({
    where: { status: "ACTIVE", type: { not: "MARKETPLACE" } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      tier: true,
      type: true,
      regions: { select: { regionId: true } },
      verticals: { select: { vertical: true } },
    },
  });
  const load = await db.opportunity.groupBy({
    by: ["partnerId"],
    where: { partnerId: { not: null }, stage: { in: [...OPEN_STAGES] } },
    _count: { _all: true },
  });
  const users = await db.user.findMany({
    where: { role: "PARTNER", active: true },
    orderBy: { id: "asc" },
    select: { id: true, partnerId: true, name: true },
  });
  const history = new Map<string, { accepted: number; answered: number; last: Date | null }>();
  let offerSeq = 0;
  let made = 0;

  for (const [i, deal] of deals.entries()) {
    const scenario = SCENARIOS[i]!;
    const queueId = seedId("hoq", i + 1);
    // the first offer: a few business days back, the open offer of the second deal past its SLA
    let at = addHours(addBusinessDays(now, -(scenario.length + (i === 1 ? 3 : 1))), 9 - i);
    const offered = new Set<string>();
    const rows = [];
    let accepted: { partnerId: string; at: Date } | null = null;
    for (const [n, outcome] of scenario.entries()) {
      const candidates: HandoffCandidate[] = partners.map((p) => {
        const h = history.get(p.id);
        return {
          id: p.id,
          name: p.name,
          tier: p.tier,
          type: p.type,
          active: true,
          regionIds: p.regions.map((r) => r.regionId),
          verticals: p.verticals.map((v) => v.vertical),
          accepted: h?.accepted ?? 0,
          answered: h?.answered ?? 0,
          openLoad: load.find((l) => l.partnerId === p.id)?._count._all ?? 0,
          lastOfferedAt: h?.last ?? null,
        };
      });
      const deal_ = {
        regionId: deal.account.regionId,
        regionName: deal.account.region.name,
        vertical: deal.account.vertical,
      };
      const top = rankCandidates(deal_, candidates, offered)[0];
      if (!top) break;
      offered.add(top.partnerId);
      const dueAt = offerDueAt(at, SLA_DAYS);
      const respondedAt = outcome === "OFFERED" ? null : outcome === "EXPIRED" ? dueAt : addHours(at, 5 + n);
      const h = history.get(top.partnerId) ?? { accepted: 0, answered: 0, last: null };
      history.set(top.partnerId, {
        accepted: h.accepted + (outcome === "ACCEPTED" ? 1 : 0),
        answered: h.answered + (outcome === "OFFERED" ? 0 : 1),
        last: at,
      });
      rows.push({
        id: seedId("hof", ++offerSeq),
        queueId,
        opportunityId: deal.id,
        partnerId: top.partnerId,
        round: 1,
        offerNumber: n + 1,
        rank: top.rank,
        reasons: top.reasons,
        status: outcome,
        offeredAt: at,
        dueAt,
        respondedAt,
        respondedById:
          outcome === "DECLINED" || outcome === "ACCEPTED"
            ? (users.find((u) => u.partnerId === top.partnerId)?.id ?? null)
            : null,
        declineReason: outcome === "DECLINED" ? DECLINE_REASONS[(i + n) % DECLINE_REASONS.length]! : null,
        openKey: outcome === "OFFERED" ? deal.id : null,
      });
      if (outcome === "ACCEPTED") accepted = { partnerId: top.partnerId, at: respondedAt! };
      at = respondedAt ?? at;
    }
    if (rows.length === 0) continue;
    const last = rows[rows.length - 1]!;
    const state = accepted ? "ACCEPTED" : last.status === "OFFERED" ? "OFFERED" : "RETURNED_TO_OPS";
    await db.handoffQueue.create({
      data: {
        id: queueId,
        opportunityId: deal.id,
        state,
        origin: "COVERAGE_GAP",
        round: 1,
        note: state === "RETURNED_TO_OPS" ? `${MAX_OFFERS_PER_ROUND} offers made without an acceptance` : "",
        createdAt: rows[0]!.offeredAt,
        updatedAt: at,
      },
    });
    await db.handoff.createMany({ data: rows });
    made += rows.length;
    if (accepted) await accept(db, deal, accepted, last.id, i, users);
  }
  return made;
}

/** What an acceptance writes (lib/db/handoff-writes.ts acceptHandoff), with seed ids and times. */
async function accept(
  db: Db,
  deal: Deal,
  accepted: { partnerId: string; at: Date },
  handoffId: string,
  i: number,
  users: { id: string; partnerId: string | null; name: string }[],
) {
  const user = users.find((u) => u.partnerId === accepted.partnerId) ?? null;
  await db.opportunity.update({
    where: { id: deal.id },
    data: { partnerId: accepted.partnerId, updatedAt: accepted.at },
  });
  await db.partnerTouch.create({
    data: {
      id: seedId("hot", i + 1),
      opportunityId: deal.id,
      partnerId: accepted.partnerId,
      kind: "Accepted hand-off",
      note: "Accepted a hand-off offer from channel operations",
      at: accepted.at,
      createdById: user?.id ?? null,
    },
  });
  // the protected claim, unless another registration holds the company and product line already
  const keys = claimKeys(deal.account.id, deal.account.nameKey, deal.account.domainKey, deal.productLineId);
  const held = await db.dealRegistration.findFirst({
    where: {
      OR: [
        { activeClaimKey: keys.activeClaimKey },
        { activeClaimNameKey: keys.activeClaimNameKey },
        ...(keys.activeClaimDomainKey ? [{ activeClaimDomainKey: keys.activeClaimDomainKey }] : []),
      ],
    },
    select: { id: true },
  });
  if (held) return;
  const reason = "Accepted a hand-off offer from channel operations";
  const registrationId = seedId("hreg", i + 1);
  await db.dealRegistration.create({
    data: {
      id: registrationId,
      partnerId: accepted.partnerId,
      submittedById: user?.id ?? null,
      accountName: deal.account.name,
      accountDomain: deal.account.domain,
      accountCountry: deal.account.country,
      accountVertical: deal.account.vertical,
      accountNameKey: deal.account.nameKey,
      accountDomainKey: deal.account.domainKey,
      accountId: deal.account.id,
      productLineId: deal.productLineId,
      estimatedAcvCents: deal.acvCents,
      currency: deal.currency,
      expectedCloseDate: deal.closeDate,
      description: reason,
      status: "APPROVED",
      route: deal.route,
      routeDecisionId: await copyDecisionFor(db, deal.routeDecisionId, registrationId, seedId("hrd", i + 1)),
      slaDueAt: accepted.at,
      protectedUntil: addDays(accepted.at, deal.routeDecision?.protectionDays ?? PROTECTION_DAYS),
      decisionReason: reason,
      decidedAt: accepted.at,
      ...keys,
      ...partnerClaimKeys(accepted.partnerId, keys),
      opportunityId: deal.id,
      submittedAt: accepted.at,
      lastActivityAt: accepted.at,
      updatedAt: accepted.at,
      events: {
        create: {
          id: seedId("hrev", i + 1),
          toStatus: "APPROVED",
          actorId: user?.id ?? null,
          actorLabel: user?.name ?? "Partner",
          reason,
          at: accepted.at,
        },
      },
    },
  });
  await db.handoff.update({ where: { id: handoffId }, data: { registrationId } });
}
