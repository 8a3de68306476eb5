// A council figure as text, by its unit (lib/council METRICS), through lib/format's Intl helpers.
import { formatMoney, formatNumber, formatPct } from "@/lib/format";
import type { Unit } from "@/lib/council";

export function formatMetric(
  value: number | null,
  unit: Unit,
  currency: string,
  locale: string,
  opts: { compact?: boolean } = {},
): string {
  if (value === null) return "—";
  switch (unit) {
    case "money":
      return formatMoney(value, currency, locale, { compact: opts.compact });
    case "pct":
      return formatPct(value, locale, 1);
    case "days":
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} d`;
    case "ratio":
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}×`;
    case "count":
      return formatNumber(value, locale);
  }
}
