// Dormant release: an approved registration with no activity for `registration.dormantDays`
// (setting, default 60) releases its account (README "Scheduled work"). Activity is anything that
// shows the deal is being worked: a status change, an extension, a partner's progress update on
// the registration, or a change to the opportunity it became. The job selects with the same rule
// (dormantWhere in lib/db/registration-schedule.ts, from dormancyCutoff); the screens show the date
// from here.
import { addDays, max, subDays } from "date-fns";

export function lastActivity(registrationActivityAt: Date, opportunityUpdatedAt: Date | null | undefined): Date {
  return opportunityUpdatedAt ? max([registrationActivityAt, opportunityUpdatedAt]) : registrationActivityAt;
}

/** When an approved registration is released for dormancy, unless there is activity before then. */
export function dormantReleaseAt(
  registrationActivityAt: Date,
  opportunityUpdatedAt: Date | null | undefined,
  dormantDays: number,
): Date {
  return addDays(lastActivity(registrationActivityAt, opportunityUpdatedAt), dormantDays);
}

/** Last activity before this instant makes an approved registration dormant now. */
export function dormancyCutoff(now: Date, dormantDays: number): Date {
  return subDays(now, dormantDays);
}
