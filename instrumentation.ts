// Next.js calls register() once when a server instance starts: start the in-process job runner
// (set ACCORD_JOBS=off to run jobs from cron with `npm run jobs:run-once` instead).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.ACCORD_JOBS === "off") return;
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
}
