// Words of lint findings (docs/domain.md#lint): rules by priority and name, amounts in whole dollars, routes as people
// say them. Deterministic like the trace text (lib/rules/format.ts): no Intl, the same on every server.
import type { Axis } from "./cells";
import { FIELD_CATALOGUE } from "./fields";
import { formatExactCents } from "./format";
import { describeCells } from "./samples";
import type { Outcome, Route } from "./types";

/** "Rule 70 · Under $250K ACV": how every finding names a rule. */
export function ruleTitle(rule: { priority: number; name: string }): string {
  return `Rule ${rule.priority} · ${rule.name.trim() || "Untitled rule"}`;
}

/** 15000000 → "$150,000"; odd cents stay exact: "$150,000.50". */
function dollarText(cents: number): string {
  const exact = formatExactCents(cents);
  return `$${cents % 100 === 0 ? exact.slice(0, -3) : exact}`;
}

const ROUTE_WORDS: Record<Route, string> = {
  PARTNER_LED: "partner-led",
  CO_SELL: "co-sell",
  DIRECT: "direct",
  DIRECT_PARTNER_ATTACHED: "direct with a partner attached",
  MARKETPLACE: "marketplace",
};

export function routeWords(route: Route): string {
  return ROUTE_WORDS[route];
}

const LEAD_WORDS: Record<Outcome["leadRole"], string> = {
  PARTNER: "partner",
  AE: "AE",
  AE_AND_PARTNER: "AE and partner",
};
const days = (n: number | null) => (n === null ? "no protection" : `${n} days' protection`);
const words = (code: string) => code.toLowerCase().replace(/_/g, " ");

/** What two outcomes disagree on, in words, or null when they agree. */
export function outcomeDifference(a: Outcome, b: Outcome): string | null {
  const parts: string[] = [];
  if (a.route !== b.route) parts.push(`${routeWords(a.route)} rather than ${routeWords(b.route)}`);
  if (a.leadRole !== b.leadRole) parts.push(`led by ${LEAD_WORDS[a.leadRole]} rather than ${LEAD_WORDS[b.leadRole]}`);
  if (a.protectionDays !== b.protectionDays)
    parts.push(`${days(a.protectionDays)} rather than ${days(b.protectionDays)}`);
  if (a.attributionCategory !== b.attributionCategory)
    parts.push(`${words(a.attributionCategory)} rather than ${words(b.attributionCategory)} attribution`);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** A contiguous run of numeric cells of an ACV axis: "at least $150,000 and below $250,000". */
function moneyRun(axis: Axis & { kind: "numeric" }, first: number, last: number): string {
  const b = axis.bounds;
  if (first === last && first & 1) return dollarText(b[first >> 1]);
  const low =
    first & 1 ? `at least ${dollarText(b[first >> 1])}` : first > 0 ? `above ${dollarText(b[(first >> 1) - 1])}` : "";
  const high =
    last & 1 ? `at most ${dollarText(b[last >> 1])}` : last >> 1 < b.length ? `below ${dollarText(b[last >> 1])}` : "";
  return low && high ? `${low} and ${high}` : low || high || "any amount";
}

/** "ACV at least $150,000 and below $250,000", "vertical not in [HEALTHCARE, GOVERNMENT]". */
export function cellsInWords(axis: Axis, cells: readonly number[]): string {
  const spec = FIELD_CATALOGUE[axis.field];
  if (axis.kind !== "numeric" || spec.type !== "money") return `${spec.label} ${describeCells(axis, cells)}`;
  const sorted = [...cells].filter((c) => c !== axis.missingCell).sort((x, y) => x - y);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(moneyRun(axis, sorted[i], sorted[j]));
    i = j + 1;
  }
  if (cells.includes(axis.missingCell)) runs.push("not given");
  return `${spec.label} ${runs.join(" or ")}`;
}
