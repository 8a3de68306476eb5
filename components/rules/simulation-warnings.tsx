// After a simulation against the rule set in force: the moves no changed rule chose
// (lib/rules/simulation-warnings.ts), each in words with counts, ACV and an example deal by name.
import Link from "next/link";
import type { SimulatedDeal } from "@/lib/db/simulation";
import { moveWarningText, type MoveWarning, type WarningWords } from "@/lib/rules/simulation-warnings";
import { Notice } from "@/components/ui/notice";
import { formatMoney, formatNumber, humanize } from "@/lib/format";

const WORDS: WarningWords = {
  money: (cents, style) => formatMoney(cents, "USD", undefined, { compact: style === "compact" }),
  route: (route) => humanize(route),
  count: formatNumber,
};

/** The deal as people name it: its own name when that already names the account (the usual case). */
const dealWords = (d: SimulatedDeal) =>
  d.name.toLowerCase().includes(d.accountName.toLowerCase()) ? d.name : `${d.accountName} · ${d.name}`;

export function SimulationWarnings({
  warnings,
  deals,
}: {
  warnings: readonly MoveWarning[];
  deals: Record<string, SimulatedDeal>;
}) {
  if (warnings.length === 0) return null;
  return (
    <Notice
      tone="amber"
      title={
        warnings.length === 1
          ? "1 warning: deals moved where no changed rule chose"
          : `${formatNumber(warnings.length)} warnings: deals moved where no changed rule chose`
      }
    >
      <ul className="mt-1 space-y-2" aria-label="Simulation warnings">
        {warnings.map((w) => {
          const deal = deals[w.example.dealId];
          return (
            <li key={`${w.rule.priority}-${w.to?.priority ?? "default"}`}>
              {moveWarningText(w, deal ? dealWords(deal) : null, WORDS)}
              {deal && (
                <>
                  {" "}
                  <Link
                    href={`/opportunities/${encodeURIComponent(w.example.dealId)}`}
                    className="font-medium underline hover:no-underline"
                  >
                    Open the example
                  </Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs">
        A changed rule no longer takes these deals and nothing in the draft picks them up on purpose. If that is not
        intended, widen another rule or add one for them.
      </p>
    </Notice>
  );
}
