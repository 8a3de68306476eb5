// Escalation policy (docs/domain.md#levels-deciders-and-slas): the next level, each level's SLA in
// business days (setting conflict.slaBusinessDaysByLevel, defaults 2, 3, 5, 5), when a case is
// overdue, and what the scheduled job does with an overdue case. Pure: time and settings are arguments.
import { businessDaysFrom } from "@/lib/dates/business-days";
import { LEVELS, type Level } from "./types";

export const LAST_LEVEL: Level = 4;
export const DEFAULT_SLA_BUSINESS_DAYS: readonly number[] = [2, 3, 5, 5];

export function isLevel(n: number): n is Level {
  return (LEVELS as readonly number[]).includes(n);
}

/** The level above, or null at the last level. */
export function nextLevel(level: Level): Level | null {
  return level < LAST_LEVEL ? ((level + 1) as Level) : null;
}

/** The level's SLA in business days: the setting's entry when it is a positive whole number, else the default. */
export function slaBusinessDays(level: Level, setting: readonly unknown[] | null | undefined): number {
  const value = setting?.[level - 1];
  return typeof value === "number" && Number.isInteger(value) && value > 0
    ? value
    : DEFAULT_SLA_BUSINESS_DAYS[level - 1];
}

/** When a case that reached `level` at `since` is due. */
export function slaDueAt(level: Level, since: Date, setting: readonly unknown[] | null | undefined): Date {
  return businessDaysFrom(since, slaBusinessDays(level, setting));
}

export type CaseClock = { status: "OPEN" | "RESOLVED"; level: number; slaDueAt: Date; lastFlaggedAt?: Date | null };

export function isOverdue(c: CaseClock, now: Date): boolean {
  return c.status === "OPEN" && c.slaDueAt.getTime() <= now.getTime();
}

/** Why a case cannot be escalated by hand; null when it can. */
export function escalationRefusal(c: Pick<CaseClock, "status" | "level">): string | null {
  if (c.status !== "OPEN") return "This case is already resolved.";
  if (!isLevel(c.level) || nextLevel(c.level) === null)
    return `This case is at level ${LAST_LEVEL}, the last level: it can only be resolved.`;
  return null;
}

export type OverdueStep =
  { kind: "NONE" } | { kind: "ESCALATE"; fromLevel: Level; toLevel: Level; slaDueAt: Date } | { kind: "FLAG" };

/**
 * What the scheduled job does with a case now: nothing (open within its SLA, or resolved),
 * escalate one level with the new level's SLA from now, or, past due at the last level, flag it
 * once (an unflagged case, or one flagged before it became due again).
 */
export function overdueStep(c: CaseClock, now: Date, setting: readonly unknown[] | null | undefined): OverdueStep {
  if (!isOverdue(c, now) || !isLevel(c.level)) return { kind: "NONE" };
  const to = nextLevel(c.level);
  if (to) return { kind: "ESCALATE", fromLevel: c.level, toLevel: to, slaDueAt: slaDueAt(to, now, setting) };
  if (c.lastFlaggedAt && c.lastFlaggedAt.getTime() >= c.slaDueAt.getTime()) return { kind: "NONE" };
  return { kind: "FLAG" };
}
