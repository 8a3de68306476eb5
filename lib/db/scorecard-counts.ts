// The counts behind partner scorecards (lib/scorecards/figures.ts), grouped by partner in the
// database: a fixed number of queries per quarter whatever the number of partners. Each count uses
// the conditions of the list its figure links to (lib/scorecards/links.ts): registrations decided in
// the quarter (lib/db/registrations.ts `decision`), deals closed or created in it with an attribution
// category (lib/db/council-filters.ts, lib/db/forecast-filters.ts), cases opened in it. Callers pass
// partner ids already scoped (lib/db/scorecards.ts).
import "server-only";
import type { Quarter } from "@/lib/dates/quarters";
import { EMPTY_COUNTS, conflictOutcome, type ScorecardCounts } from "@/lib/scorecards";
import { db } from "./client";
import type { Tx } from "./connect";
import { ANSWERED } from "./handoff-offers";

type Mutable = { -readonly [K in keyof ScorecardCounts]: ScorecardCounts[K] } & { decisionSeconds: number[] };

export async function scorecardCounts(
  partnerIds: readonly string[],
  q: Quarter,
  client: Tx = db,
): Promise<Map<string, ScorecardCounts>> {
  const out = new Map<string, Mutable>(partnerIds.map((id) => [id, { ...EMPTY_COUNTS, decisionSeconds: [] }]));
  if (partnerIds.length === 0) return out;
  const ids = { in: [...partnerIds] };
  const within = { gte: q.start, lt: q.end };
  const categorySum = (category: "PARTNER_SOURCED" | "PARTNER_COSELL", won: boolean) =>
    client.opportunity.groupBy({
      by: ["partnerId"],
      where: {
        partnerId: ids,
        category, // the stored attribution category, as the list filter `category` reads it
        ...(won ? { stage: "CLOSED_WON", closedAt: within } : { createdAt: within }),
      },
      _sum: { acvCents: true },
    });

  const [decided, closed, sourcedPipe, cosoldPipe, sourcedWon, cosoldWon, parties, offers] = await Promise.all([
    // only the decided ones' two times are read, for the median
    client.dealRegistration.findMany({
      where: { partnerId: ids, decidedAt: within },
      select: { partnerId: true, status: true, submittedAt: true, decidedAt: true },
    }),
    client.opportunity.groupBy({
      by: ["partnerId", "stage"],
      where: { partnerId: ids, stage: { in: ["CLOSED_WON", "CLOSED_LOST"] }, closedAt: within },
      _count: { _all: true },
    }),
    categorySum("PARTNER_SOURCED", false),
    categorySum("PARTNER_COSELL", false),
    categorySum("PARTNER_SOURCED", true),
    categorySum("PARTNER_COSELL", true),
    client.conflictParty.findMany({
      where: { kind: "PARTNER", partnerId: ids, conflict: { openedAt: within } },
      select: { partnerId: true, conflictId: true, creditPct: true, conflict: { select: { status: true } } },
    }),
    client.handoff.groupBy({
      by: ["partnerId", "status"],
      where: { partnerId: ids, status: { in: [...ANSWERED] }, offeredAt: within },
      _count: { _all: true },
    }),
  ]);

  for (const r of decided) {
    const c = out.get(r.partnerId)!;
    if (r.status === "REJECTED") c.rejected += 1;
    else c.approved += 1;
    c.decisionSeconds.push((r.decidedAt!.getTime() - r.submittedAt.getTime()) / 1000);
  }
  for (const r of closed) {
    const c = out.get(r.partnerId!)!;
    if (r.stage === "CLOSED_WON") c.won += r._count._all;
    else c.lost += r._count._all;
  }
  const sums: [typeof sourcedPipe, keyof ScorecardCounts][] = [
    [sourcedPipe, "sourcedPipelineCents"],
    [cosoldPipe, "cosoldPipelineCents"],
    [sourcedWon, "sourcedRevenueCents"],
    [cosoldWon, "cosoldRevenueCents"],
  ];
  for (const [rows, key] of sums)
    for (const r of rows) (out.get(r.partnerId!)! as Record<string, unknown>)[key] = BigInt(r._sum.acvCents ?? 0);
  // a partner is party to a case once (one row per partner); count cases, not rows, to be safe
  const seen = new Set<string>();
  for (const p of parties) {
    const key = `${p.partnerId}|${p.conflictId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = out.get(p.partnerId!)!;
    c.conflicts += 1;
    if (p.conflict.status !== "RESOLVED") continue;
    const outcome = conflictOutcome(p.creditPct);
    if (outcome === "won") c.conflictsWon += 1;
    if (outcome === "lost") c.conflictsLost += 1;
  }
  for (const r of offers) {
    const c = out.get(r.partnerId)!;
    c.handoffsAnswered += r._count._all;
    if (r.status === "ACCEPTED") c.handoffsAccepted += r._count._all;
  }
  return out;
}
