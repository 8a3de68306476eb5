// Money as people type it ↔ the integer cents everything stores (docs/architecture.md, "The rest of lib/"). Every form
// and schema that takes an amount reads it through parseDollars, so "150,000", "$150000.50" and
// "150 000" mean the same everywhere; formatting for display is lib/format.ts formatMoney.

const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Dollars as typed → integer cents, or null when the text is not an amount: "$", spaces and
 * thousands separators are allowed, at most two decimals. Separators must group by thousands, so
 * "250,00" is refused rather than read as 25,000. A leading minus only with `negative`.
 */
export function parseDollars(typed: string, opts: { negative?: boolean } = {}): number | null {
  let s = typed.trim().replace(/\s+/g, "");
  let sign = 1;
  if (/^[-−]/.test(s)) {
    if (!opts.negative) return null;
    sign = -1;
    s = s.slice(1);
  }
  s = s.replace(/^\$/, "");
  const m = AMOUNT.exec(s);
  if (!m) return null;
  const cents = Number(m[1].replaceAll(",", "")) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return sign * cents || 0;
}

/** A zod preprocessor for amounts in dollars: text through parseDollars (NaN when it is not one, so
 *  the schema's own message shows), numbers as dollars, empty text as null; anything else as is. */
export function dollarsToCentsInput(opts: { negative?: boolean } = {}) {
  return (value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
    if (typeof value !== "string") return value;
    if (value.trim() === "") return null;
    return parseDollars(value, opts) ?? Number.NaN;
  };
}

/** Integer cents → the plain text an amount input starts with ("250000", "1250.50", "" for none). */
export function dollarsText(cents: number | bigint | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const n = Number(cents);
  const whole = Math.trunc(n / 100);
  const frac = Math.abs(n % 100);
  const sign = n < 0 && whole === 0 ? "-" : "";
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, "0")}`;
}
