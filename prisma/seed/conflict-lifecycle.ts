// The life of a conflict case (docs/domain.md#conflicts-and-escalation): opened at level 1, escalated — automatically when a
// level's SLA passes, or by a party before — and resolved by the roles of its last level.
import { CONFLICT_SLA_BUSINESS_DAYS } from "./reference";
import type { Random } from "./random";
import { HOUR, addBusinessDays, addHours, minDate, toSecond, workdayMoment } from "./time";

export interface LevelStep {
  level: number;
  enteredAt: Date;
  slaDueAt: Date;
  /** How the case got to this level: opened, escalated on SLA breach, or escalated by a party. */
  via: "opened" | "auto" | "manual";
}

export interface ConflictPath {
  openedAt: Date;
  steps: LevelStep[];
  resolvedAt: Date | null;
}

function slaDue(level: number, enteredAt: Date): Date {
  return addBusinessDays(enteredAt, CONFLICT_SLA_BUSINESS_DAYS[level - 1]);
}

/** Levels of open cases: most are still with the AE and partner manager. */
export function drawOpenLevel(rng: Random): number {
  return rng.weighted([
    [1, 50],
    [2, 25],
    [3, 15],
    [4, 10],
  ]);
}

export function drawResolvedLevel(rng: Random): number {
  return rng.weighted([
    [1, 55],
    [2, 25],
    [3, 13],
    [4, 7],
  ]);
}

/**
 * An open case now at `level`, worked out backwards from `now`. Most are inside the current
 * level's SLA; `overdue` ones have passed it (the escalation job will pick them up).
 */
export function openPath(rng: Random, now: Date, level: number, overdue: boolean): ConflictPath {
  const sla = CONFLICT_SLA_BUSINESS_DAYS[level - 1];
  const back = overdue ? -(sla + rng.int(1, 2)) : -rng.int(0, sla - 1);
  let enteredAt = toSecond(addHours(addBusinessDays(now, back), -rng.int(1, 7)));
  const steps: LevelStep[] = [];
  for (let l = level; l >= 1; l--) {
    const auto = rng.chance(0.6);
    steps.unshift({
      level: l,
      enteredAt,
      slaDueAt: slaDue(l, enteredAt),
      via: l === 1 ? "opened" : auto ? "auto" : "manual",
    });
    if (l === 1) break;
    const previousSla = CONFLICT_SLA_BUSINESS_DAYS[l - 2];
    // auto: the previous level's SLA ended exactly when this level began; manual: a day before it would have
    enteredAt = auto
      ? addBusinessDays(enteredAt, -previousSla)
      : toSecond(addHours(addBusinessDays(enteredAt, -(previousSla - 1)), -rng.int(1, 5)));
  }
  return { openedAt: steps[0].enteredAt, steps, resolvedAt: null };
}

/** A case opened at `openedAt`, escalated up to `level` and resolved there, all before `now`. */
export function resolvedPath(rng: Random, openedAt: Date, level: number, now: Date): ConflictPath {
  const latest = addHours(now, -2);
  const steps: LevelStep[] = [{ level: 1, enteredAt: openedAt, slaDueAt: slaDue(1, openedAt), via: "opened" }];
  while (steps.length < level) {
    const current = steps[steps.length - 1];
    const auto = rng.chance(0.6);
    const at = auto ? current.slaDueAt : toSecond(addHours(current.enteredAt, rng.int(4, 20)));
    if (at.getTime() >= latest.getTime() - 24 * HOUR) break;
    steps.push({
      level: current.level + 1,
      enteredAt: at,
      slaDueAt: slaDue(current.level + 1, at),
      via: auto ? "auto" : "manual",
    });
  }
  const last = steps[steps.length - 1];
  // most decisions land inside the SLA, about one in five after it
  const until = rng.chance(0.8) ? last.slaDueAt : addBusinessDays(last.slaDueAt, 2);
  const resolvedAt = workdayMoment(addHours(last.enteredAt, 2), minDate(until, latest), rng.next());
  return {
    openedAt,
    steps,
    resolvedAt: resolvedAt.getTime() > last.enteredAt.getTime() ? resolvedAt : addHours(last.enteredAt, 1),
  };
}
