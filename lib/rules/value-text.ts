// Fact and operand values as people read them: dollars, dates in words (UTC), codes humanized,
// flags as yes/no. Shared by the rule text of the editor and the lint panel
// (components/rules/condition-text.tsx) and the plain-language trace (plain-trace.ts), so a value
// reads the same wherever it appears. (The engine's stored traces keep their own locale-independent
// text: format.ts.)
import { formatDateTime, formatMoney, formatNumber, humanize } from "@/lib/format";
import { fieldSpec } from "./fields";
import { formatExactCents } from "./format";
import type { FactField } from "./values";

/** Money is integer cents; whole amounts use the app's formatter, odd cents stay exact. */
export function dollarsText(cents: number): string {
  return cents % 100 === 0 ? formatMoney(cents, "USD") : `$${formatExactCents(cents)}`;
}

/** "$2.2M", "$250K": compact dollars for sentences; the exact figure is one toggle away. */
export function compactDollarsText(cents: number): string {
  return formatMoney(cents, "USD", undefined, { compact: true });
}

/** "Yes" / "No" for flags; lower-case inside a sentence. */
export function yesNo(value: boolean, lower = false): string {
  const text = value ? "Yes" : "No";
  return lower ? text.toLowerCase() : text;
}

// Codes that humanize() would misspell ("Addon", "Msp").
const CODE_TEXT: Readonly<Record<string, string>> = { ADDON: "Add-on", MSP: "MSP" };

/**
 * One value of a field as people read it. Dates arrive as ISO strings (operands) or epoch
 * milliseconds (normalised facts); `compact` writes money as "$2.2M".
 */
export function valueText(
  field: FactField,
  value: string | number | boolean | null | undefined,
  opts: { compact?: boolean } = {},
): string {
  if (value === null || value === undefined) return "—";
  switch (fieldSpec(field).type) {
    case "money":
      return typeof value === "number"
        ? opts.compact
          ? compactDollarsText(value)
          : dollarsText(value)
        : String(value);
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    case "date":
      return typeof value === "boolean" ? String(value) : formatDateTime(new Date(value));
    case "enum":
      return CODE_TEXT[String(value)] ?? humanize(String(value));
    case "boolean":
      return typeof value === "boolean" ? yesNo(value) : String(value);
    default:
      return String(value);
  }
}
