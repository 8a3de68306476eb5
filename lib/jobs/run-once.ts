// `npm run jobs:run-once`: run every job now (for cron-style deployments with ACCORD_JOBS=off).
import { connect } from "@/lib/db/connect";
import { databaseUrl } from "@/lib/db/provider";
import { runDueJobs } from "./runner";

const { db } = connect(databaseUrl());
runDueJobs(db, { force: true })
  .then((results) => console.log(JSON.stringify(results)))
  .finally(() => db.$disconnect());
