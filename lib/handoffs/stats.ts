// Acceptance rate and time-to-accept per partner (docs/domain.md#hand-offs), from the offers a
// partner answered or let expire. Pure: the offers are arguments. The scorecards and the council
// read these through lib/db/handoff-stats.ts.

export type AnsweredOffer = {
  partnerId: string;
  status: "ACCEPTED" | "DECLINED" | "EXPIRED";
  offeredAt: Date;
  respondedAt: Date | null;
};

export type PartnerHandoffStats = {
  partnerId: string;
  offers: number;
  accepted: number;
  declined: number;
  expired: number;
  /** accepted ÷ offers; null without offers */
  acceptanceRate: number | null;
  /** the median of (accepted at − offered at) over accepted offers, in ms; null without any */
  medianTimeToAcceptMs: number | null;
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per partner, in the order partners first appear. */
export function handoffStatsOf(offers: readonly AnsweredOffer[]): PartnerHandoffStats[] {
  const counts = new Map<string, OutcomeCount>();
  for (const o of offers) {
    const key = `${o.partnerId}|${o.status}`;
    const c = counts.get(key) ?? { partnerId: o.partnerId, status: o.status, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return handoffStatsFromCounts(
    [...counts.values()],
    offers.filter((o) => o.status === "ACCEPTED"),
  );
}

/** How many of a partner's offers ended in one outcome (a GROUP BY row). */
export type OutcomeCount = { partnerId: string; status: AnsweredOffer["status"]; count: number };

/**
 * The same figures from counts per partner and outcome, and the accepted offers' times (only those are
 * needed, for the median): what the database returns without loading every offer. Per partner, in
 * the order partners first appear in `counts`.
 */
export function handoffStatsFromCounts(
  counts: readonly OutcomeCount[],
  accepted: readonly Pick<AnsweredOffer, "partnerId" | "offeredAt" | "respondedAt">[],
): PartnerHandoffStats[] {
  const by = new Map<string, { accepted: number; declined: number; expired: number }>();
  for (const c of counts) {
    const s = by.get(c.partnerId) ?? { accepted: 0, declined: 0, expired: 0 };
    if (c.status === "ACCEPTED") s.accepted += c.count;
    else if (c.status === "DECLINED") s.declined += c.count;
    else s.expired += c.count;
    by.set(c.partnerId, s);
  }
  const times = new Map<string, number[]>();
  for (const a of accepted) {
    if (!a.respondedAt) continue;
    const list = times.get(a.partnerId) ?? [];
    list.push(a.respondedAt.getTime() - a.offeredAt.getTime());
    times.set(a.partnerId, list);
  }
  return [...by].map(([partnerId, s]) => {
    const total = s.accepted + s.declined + s.expired;
    return {
      partnerId,
      offers: total,
      accepted: s.accepted,
      declined: s.declined,
      expired: s.expired,
      acceptanceRate: total ? s.accepted / total : null,
      medianTimeToAcceptMs: median(times.get(partnerId) ?? []),
    };
  });
}

/** "5 h", "1.5 days": a duration for the stats table. */
export function durationInWords(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}
