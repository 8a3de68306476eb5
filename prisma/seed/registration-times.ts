// When each seeded registration was submitted, decided, extended and ended, consistent with its
// status at `now`: pending ones inside or past their review SLA, approved ones still protected
// (some expiring within two weeks), expired ones past their protection, and so on (docs/domain.md#registration-lifecycle).
import type { RegistrationStatus } from "../../lib/db/generated/sqlite/enums";
import type { Random } from "./random";
import { REGISTRATION_SLA_BUSINESS_DAYS } from "./reference";
import { DAY, HOUR, addBusinessDays, addDays, addHours, maxDate, minDate, toSecond, workdayMoment } from "./time";

export type RegistrationVariant = "normal" | "overdue" | "expiring" | "afterApproval";

export interface RegistrationTimes {
  submittedAt: Date;
  slaDueAt: Date;
  /** Approval or rejection. */
  decidedAt: Date | null;
  /** Approval times of granted protection extensions, oldest first. */
  extensionApprovals: Date[];
  protectedUntil: Date | null;
  /** The move to EXPIRED, WITHDRAWN or CONVERTED. */
  endedAt: Date | null;
}

/** Hours from submission to decision: most within the 2-business-day SLA, some late. */
function reviewHours(rng: Random): number {
  return rng.chance(0.8) ? rng.int(2, 40) : rng.int(60, 130);
}

function skewedMoment(rng: Random, from: Date, to: Date): Date {
  return workdayMoment(from, maxDate(from, to), rng.next() ** 0.8);
}

function extensionCount(rng: Random, weights: readonly number[]): number {
  return rng.weighted(weights.map((w, k) => [k, w] as const));
}

function extensionApprovals(rng: Random, decidedAt: Date, protectionDays: number, count: number): Date[] {
  // each extension is requested a few days before the protection it extends would end
  return Array.from({ length: count }, (_, j) =>
    toSecond(addDays(decidedAt, protectionDays * (j + 1) - rng.int(2, 10) + 1)),
  );
}

function fromDecision(
  rng: Random,
  decidedAt: Date,
  protectionDays: number | null,
  extensions: number,
): RegistrationTimes {
  const submittedAt = toSecond(addHours(decidedAt, -reviewHours(rng)));
  const days = protectionDays ?? 0;
  return {
    submittedAt,
    slaDueAt: addBusinessDays(submittedAt, REGISTRATION_SLA_BUSINESS_DAYS),
    decidedAt,
    extensionApprovals: protectionDays ? extensionApprovals(rng, decidedAt, days, extensions) : [],
    protectedUntil: protectionDays ? addDays(decidedAt, days * (1 + extensions)) : null,
    endedAt: null,
  };
}

function fromSubmission(rng: Random, submittedAt: Date, decided: boolean): RegistrationTimes {
  return {
    submittedAt,
    slaDueAt: addBusinessDays(submittedAt, REGISTRATION_SLA_BUSINESS_DAYS),
    decidedAt: decided ? toSecond(addHours(submittedAt, reviewHours(rng))) : null,
    extensionApprovals: [],
    protectedUntil: null,
    endedAt: null,
  };
}

function pending(rng: Random, now: Date, overdue: boolean): RegistrationTimes {
  const ago = overdue ? rng.int(4, 9) * DAY + rng.int(0, 23) * HOUR : rng.int(1, 20) * HOUR + rng.int(0, 59) * 60_000;
  return fromSubmission(rng, toSecond(new Date(now.getTime() - ago)), false);
}

/** Still protected at `now`; "expiring" ones end within 14 days. Needs protection days. */
function approved(rng: Random, now: Date, start: Date, days: number, expiring: boolean): RegistrationTimes {
  let k = extensionCount(rng, [75, 20, 5]);
  if (addDays(now, -days * (1 + k)).getTime() < start.getTime()) k = 0;
  const earliest = addDays(now, -days * (1 + k) + 1);
  const latest = expiring ? addDays(earliest, 12) : addDays(now, -Math.max(1, days * k) - 1);
  const from = expiring ? earliest : minDate(addDays(earliest, 14), latest);
  return fromDecision(rng, workdayMoment(from, latest, rng.next()), days, k);
}

function expired(rng: Random, now: Date, start: Date, days: number): RegistrationTimes {
  const k = extensionCount(rng, [85, 15]);
  const decidedAt = skewedMoment(rng, addDays(start, 7), addDays(now, -days * (1 + k) - 2));
  const times = fromDecision(rng, decidedAt, days, k);
  return { ...times, endedAt: times.protectedUntil };
}

function converted(rng: Random, now: Date, start: Date, days: number | null): RegistrationTimes {
  const decidedAt = skewedMoment(rng, addDays(start, 7), addDays(now, -10));
  const times = fromDecision(rng, decidedAt, days, 0);
  const limit = minDate(addHours(now, -1), times.protectedUntil ? addDays(times.protectedUntil, -1) : now);
  const endedAt = toSecond(minDate(addDays(decidedAt, rng.int(2, 45)), limit));
  return { ...times, endedAt: maxDate(endedAt, addHours(decidedAt, 4)) };
}

function withdrawn(
  rng: Random,
  now: Date,
  start: Date,
  days: number | null,
  afterApproval: boolean,
): RegistrationTimes {
  if (!afterApproval) {
    const times = fromSubmission(rng, skewedMoment(rng, addDays(start, 1), addDays(now, -3)), false);
    return { ...times, endedAt: toSecond(addHours(times.submittedAt, rng.int(3, 30))) };
  }
  const times = fromDecision(rng, skewedMoment(rng, addDays(start, 7), addDays(now, -20)), days, 0);
  const endedAt = addDays(times.decidedAt!, rng.int(5, Math.max(6, Math.min(60, (days ?? 60) - 1))));
  return { ...times, endedAt: toSecond(minDate(endedAt, addHours(now, -2))) };
}

/**
 * Times for a registration that has `status` at `now`. `start` is the earliest allowed submission;
 * `protectionDays` comes from the route decision (null = no protection).
 */
export function registrationTimes(
  rng: Random,
  status: RegistrationStatus,
  variant: RegistrationVariant,
  window: { start: Date; now: Date },
  protectionDays: number | null,
): RegistrationTimes {
  const { start, now } = window;
  switch (status) {
    case "SUBMITTED":
      return pending(rng, now, variant === "overdue");
    case "APPROVED":
      return approved(rng, now, start, protectionDays ?? 90, variant === "expiring");
    case "EXPIRED":
      return expired(rng, now, start, protectionDays ?? 90);
    case "CONVERTED":
      return converted(rng, now, start, protectionDays);
    case "REJECTED":
      return fromSubmission(rng, skewedMoment(rng, addDays(start, 1), addDays(now, -6)), true);
    case "WITHDRAWN":
      return withdrawn(rng, now, start, protectionDays, variant === "afterApproval");
  }
}

/**
 * Timing fixed by a conflict case: submitted at `submittedAt`, decided (approved when
 * `protectionDays` is given, else rejected) at `decidedAt`, ended at `endedAt`.
 */
export function fixedTimes(t: {
  submittedAt: Date;
  decidedAt?: Date | null;
  protectionDays?: number | null;
  endedAt?: Date | null;
}): RegistrationTimes {
  const decidedAt = t.decidedAt ?? null;
  return {
    submittedAt: t.submittedAt,
    slaDueAt: addBusinessDays(t.submittedAt, REGISTRATION_SLA_BUSINESS_DAYS),
    decidedAt,
    extensionApprovals: [],
    protectedUntil: decidedAt && t.protectionDays ? addDays(decidedAt, t.protectionDays) : null,
    endedAt: t.endedAt ?? null,
  };
}
