// Time-driven registration work (README "Scheduled work"): protection that ran out expires,
// dormant registrations (no activity for N days, lib/registrations/dormancy.ts) are released, and
// decisions overdue past their SLA are reminded once. The jobs only walk and count; every query
// and write is in lib/db/registration-schedule.ts, each registration in its own transaction.
import type { Db } from "@/lib/db/connect";
import {
  activeAdmins,
  dormantRegistrations,
  expireProtectionOf,
  overdueDecisions,
  protectionEnded,
  releaseDormantRegistration,
  remindOverdueDecision,
} from "@/lib/db/registration-schedule";
import { getSetting } from "@/lib/db/settings";
import { SETTING_KEYS } from "@/lib/settings";

const BATCH = 200;
const REMINDERS_PER_RUN = 1_000;

export async function expireProtection(db: Db, now: Date): Promise<number> {
  let done = 0;
  for (;;) {
    const due = await protectionEnded(db, now, BATCH);
    for (const id of due) if (await expireProtectionOf(db, id, now)) done++;
    if (due.length < BATCH) return done;
  }
}

export async function releaseDormant(db: Db, now: Date): Promise<number> {
  const days = await getSetting<number>(SETTING_KEYS.dormantDays, db);
  let done = 0;
  // a registration found but kept (activity in between) stays APPROVED: skip past it, not round again
  let after: string | undefined;
  for (;;) {
    const due = await dormantRegistrations(db, now, days, BATCH, after);
    for (const id of due) if (await releaseDormantRegistration(db, id, days, now)) done++;
    if (due.length < BATCH) return done;
    after = due[due.length - 1];
  }
}

export async function remindOverdue(db: Db, now: Date): Promise<number> {
  const due = await overdueDecisions(db, now, REMINDERS_PER_RUN);
  // a partner without an active manager: channel operations decide its registrations
  let ops: Awaited<ReturnType<typeof activeAdmins>> | null = null;
  let done = 0;
  for (const reg of due) {
    const recipients = reg.manager ? [reg.manager] : (ops ??= await activeAdmins(db));
    // counted once committed: a retried transaction (lib/db/transaction.ts) runs its callback again
    if (await remindOverdueDecision(db, reg, recipients, now)) done++;
  }
  return done;
}
