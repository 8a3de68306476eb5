// What a statement page needs from its URL (docs/domain.md#attribution-and-pay): the period
// (default: the current quarter), the periods to pick from, whose statement and the statement
// itself. Shared by the staff page (/statements) and the portal's (/portal/statements); a party
// outside the caller's scope is NOT_FOUND (the page answers 404).
import "server-only";
import { parsePeriod, periodOf, shiftPeriod, type Period } from "@/lib/attribution";
import type { Ctx } from "@/lib/auth/types";
import { statementQuery } from "@/lib/validation/payouts";
import { getStatement, listStatementSubjects, partyParam, statementSubjectOf, type Statement } from "./payouts";

export type StatementPage = {
  period: Period;
  periods: Period[];
  party: string | null;
  statement: Statement | null;
  /** The groups of parties to pick from (empty when the caller has a single statement). */
  parties: { label: string; options: { value: string; label: string }[] }[];
};

function pickablePeriods(now: Date, selected: Period): Period[] {
  const months = Array.from({ length: 12 }, (_, i) => shiftPeriod(periodOf(now, "month"), -i));
  const quarters = Array.from({ length: 6 }, (_, i) => shiftPeriod(periodOf(now, "quarter"), -i));
  const all = [...quarters, ...months];
  return all.some((p) => p.label === selected.label) ? all : [selected, ...all];
}

/** Null: the query is malformed (the page answers 404, like any malformed query string). */
export async function statementPage(
  ctx: Ctx,
  raw: Record<string, string>,
  now = new Date(),
): Promise<StatementPage | null> {
  const q = statementQuery.safeParse(raw);
  if (!q.success) return null;
  const period = q.data.period ? parsePeriod(q.data.period)! : periodOf(now, "quarter");
  const { aes, partners } = await listStatementSubjects(ctx);
  const single = aes.length + partners.length <= 1;
  const parties = single
    ? []
    : [
        ...(aes.length
          ? [{ label: "Account executives", options: aes.map((a) => ({ value: `ae:${a.id}`, label: a.name })) }]
          : []),
        ...(partners.length
          ? [{ label: "Partners", options: partners.map((p) => ({ value: `partner:${p.id}`, label: p.name })) }]
          : []),
      ];
  const subject = await statementSubjectOf(ctx, q.data);
  const statement = subject ? await getStatement(ctx, subject, period) : null;
  return {
    period,
    periods: pickablePeriods(now, period),
    party: subject ? partyParam(subject) : null,
    statement,
    parties,
  };
}
