// Weekly forecast snapshots of the past four quarters and the current one up to `now`
// (docs/domain.md#joint-forecast), so the forecast page's trend and accuracy have data from the first
// start. Each is the forecast as it stood on that Monday, rebuilt from the written deals with the same
// maths as the job (lib/forecast): won = closed won in the quarter before that day; open = created by then
// and not yet closed; a deal's stage that day follows from the share of its cycle elapsed, as the demo
// pipeline assigns stages (./economics.ts openStage). Deterministic: same deals and `now`, same rows.
import type { Db } from "../../lib/db/connect";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import {
  computeForecast,
  FORECAST_CATEGORIES,
  historyWindow,
  quarterOf,
  shiftQuarter,
  weekStart,
  type ForecastCategory,
  type ForecastOpenStage,
  type HistoryBucket,
  type OpenBucket,
  type Quarter,
  type WonBucket,
} from "../../lib/forecast";
import { DEFAULT_SETTINGS, SETTING_KEYS } from "../../lib/settings";
import { openStage } from "./economics";

const WEEK_MS = 7 * 86_400_000;
const PAST_QUARTERS = 4;

type Deal = {
  category: ForecastCategory;
  stage: string;
  acv: bigint;
  createdAt: number;
  closeDate: number;
  closedAt: number | null;
};

function forecastAt(deals: Deal[], quarter: Quarter, at: Date, minClosedDeals: number) {
  const t = at.getTime();
  const qs = quarter.start.getTime();
  const qe = quarter.end.getTime();
  const window = historyWindow(quarter, at);
  const won = new Map<ForecastCategory, WonBucket>();
  const open = new Map<string, OpenBucket>();
  const history = new Map<ForecastCategory, HistoryBucket>();
  for (const d of deals) {
    const closedBy = d.closedAt !== null && d.closedAt <= t;
    if (closedBy && d.stage === "CLOSED_WON" && d.closedAt! >= qs && d.closedAt! < qe) {
      const w = won.get(d.category) ?? { category: d.category, count: 0, acvCents: 0n };
      w.count++;
      w.acvCents += d.acv;
      won.set(d.category, w);
    }
    if (closedBy && d.closedAt! >= window.from.getTime() && d.closedAt! < window.to.getTime()) {
      const h = history.get(d.category) ?? { category: d.category, won: 0, lost: 0 };
      if (d.stage === "CLOSED_WON") h.won++;
      else h.lost++;
      history.set(d.category, h);
    }
    if (!closedBy && d.createdAt <= t && d.closeDate >= qs && d.closeDate < qe) {
      const span = Math.max(1, d.closeDate - d.createdAt);
      const stage = openStage((t - d.createdAt) / span) as ForecastOpenStage;
      const key = `${d.category}/${stage}`;
      const o = open.get(key) ?? { category: d.category, stage, count: 0, acvCents: 0n, acvSquared: 0 };
      o.count++;
      o.acvCents += d.acv;
      o.acvSquared += Number(d.acv) * Number(d.acv);
      open.set(key, o);
    }
  }
  return computeForecast({
    won: [...won.values()],
    open: [...open.values()],
    history: [...history.values()],
    minClosedDeals,
  });
}

export async function seedForecastSnapshots(db: Db, now: Date): Promise<number> {
  const rows = await db.opportunity.findMany({
    select: {
      stage: true,
      acvCents: true,
      currency: true,
      createdAt: true,
      closeDate: true,
      closedAt: true,
      attributions: { select: { category: true }, take: 1 },
    },
    orderBy: { id: "asc" },
  });
  const currency = rows[0]?.currency ?? "USD";
  const deals: Deal[] = rows.map((r) => ({
    category: r.attributions[0]?.category ?? "DIRECT",
    stage: r.stage,
    acv: r.acvCents,
    createdAt: r.createdAt.getTime(),
    closeDate: r.closeDate.getTime(),
    closedAt: r.closedAt?.getTime() ?? null,
  }));
  const minClosedDeals = DEFAULT_SETTINGS[SETTING_KEYS.forecastMinClosedDeals] as number;
  const data: Prisma.ForecastSnapshotCreateManyInput[] = [];
  const current = quarterOf(now);
  for (let i = PAST_QUARTERS; i >= 0; i--) {
    const quarter = shiftQuarter(current, -i);
    // the Mondays of the quarter (the first on or after its first day), up to now
    let week = weekStart(quarter.start);
    if (week < quarter.start) week = new Date(week.getTime() + WEEK_MS);
    for (; week < quarter.end && week <= now; week = new Date(week.getTime() + WEEK_MS)) {
      const f = forecastAt(deals, quarter, week, minClosedDeals);
      const lines: [string, (typeof f)["total"]][] = [
        ...FORECAST_CATEGORIES.map((c) => [c, f.categories[c]] as [string, (typeof f)["total"]]),
        ["TOTAL", f.total],
      ];
      for (const [category, b] of lines)
        data.push({
          period: quarter.label,
          week,
          takenAt: week,
          category,
          currency,
          closedWonCents: b.closedWon,
          commitCents: b.commit,
          expectedCents: b.expected,
          lowCents: b.low,
          highCents: b.high,
        });
    }
  }
  const { count } = await db.forecastSnapshot.createMany({ data });
  return count;
}
