import "server-only";
import { db, provider } from "./client";
import { describeUnavailable } from "./unavailable";

/** /api/health answers within this, whatever the database does. */
const HEALTH_BUDGET_MS = 1_500;

// One probe at a time: while the database hangs, later health requests wait on the probe already
// in flight (bounded by the pool's acquire and query timeouts, lib/db/timeouts.ts) instead of
// queueing more work behind it.
let inFlight: Promise<boolean> | null = null;

function probe(): Promise<boolean> {
  inFlight ??= db
    .$queryRawUnsafe("SELECT 1")
    .then(
      () => true,
      (error: unknown) => {
        console.warn(`[health] database check failed: ${describeUnavailable(error)}`);
        return false;
      },
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

export async function checkDatabase(budgetMs = HEALTH_BUDGET_MS): Promise<{ ok: boolean; database: typeof provider }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  try {
    return { ok: await Promise.race([probe(), late]), database: provider };
  } finally {
    clearTimeout(timer);
  }
}
