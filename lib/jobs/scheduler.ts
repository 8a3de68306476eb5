// The in-process loop: every minute, run whatever jobs are due (leases keep instances apart).
import { db } from "@/lib/db/client";
import { runDueJobs } from "./runner";

let started = false;

export function startScheduler(everyMs = 60_000) {
  if (started) return;
  started = true;
  // The app's own connection: on SQLite a second connection in this process would block the event
  // loop waiting for the file lock while the first holds it.
  const tick = async () => {
    try {
      const results = await runDueJobs(db);
      const worked = Object.entries(results).filter(([, r]) => typeof r === "number" && r > 0);
      if (worked.length) console.log(`[jobs] ${worked.map(([n, r]) => `${n}: ${r}`).join(", ")}`);
    } catch (error) {
      console.error("[jobs] scheduler tick failed", error);
    }
  };
  setTimeout(tick, 5_000).unref();
  setInterval(tick, everyMs).unref();
}
