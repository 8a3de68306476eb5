// The weekly forecast snapshot (docs/domain.md#joint-forecast): the first run in a week records the
// current quarter's forecast; the writes are in lib/db/forecast-snapshots.ts.
import type { Db } from "@/lib/db/connect";
import { takeForecastSnapshot } from "@/lib/db/forecast-snapshots";

/** Rows written this run (0 when this week's snapshot is already taken). */
export function snapshotForecast(db: Db, now: Date): Promise<number> {
  return takeForecastSnapshot(db, now);
}
