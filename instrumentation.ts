// Next.js calls register() once when a server instance starts: start the in-process job runner
// (set ACCORD_JOBS=off to run jobs from cron with `npm run jobs:run-once` instead). The runtime
// check wraps the import itself so bundlers drop it from the edge build.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startScheduler } = await import("./lib/jobs/scheduler");
    if (process.env.ACCORD_JOBS !== "off") startScheduler();
  }
}
