// One formatter each for money, percentages, numbers and dates (Intl), in the user's locale.
// Money is integer cents (number or bigint) with its ISO currency.
export const DEFAULT_LOCALE = "en-US";

export function formatMoney(
  cents: number | bigint,
  currency = "USD",
  locale = DEFAULT_LOCALE,
  opts: { compact?: boolean } = {},
): string {
  const value = Number(cents) / 100;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: opts.compact ? "compact" : "standard",
    // a currency's own minimum (2 for USD) would otherwise write "$250.0K" for $250K
    minimumFractionDigits: 0,
    maximumFractionDigits: opts.compact ? 1 : 0,
  }).format(value);
}

export function formatPct(value: number, locale = DEFAULT_LOCALE, digits = 0): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(value);
}

export function formatNumber(value: number, locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDate(value: Date | string | null | undefined, locale = DEFAULT_LOCALE): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(value),
  );
}

export function formatDateTime(value: Date | string | null | undefined, locale = DEFAULT_LOCALE): string {
  if (!value) return "—";
  return (
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(value),
    ) + " UTC"
  );
}

/** "in 3 days" / "2 days ago", relative to `now` (passed in so pages render deterministically). */
export function formatRelative(value: Date | string, now: Date, locale = DEFAULT_LOCALE): string {
  const days = Math.round((new Date(value).getTime() - now.getTime()) / 86_400_000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (Math.abs(days) >= 1) return rtf.format(days, "day");
  const hours = Math.round((new Date(value).getTime() - now.getTime()) / 3_600_000);
  return rtf.format(hours, "hour");
}

/** ENUM_VALUE → "Enum value" for display. */
export function humanize(value: string | null | undefined): string {
  if (!value) return "—";
  const s = value.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The reader's locale from an Accept-Language header: its first tag Intl supports, else the default. */
export function localeFrom(acceptLanguage: string | null | undefined): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0].trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // a malformed tag: try the next one
    }
  }
  return DEFAULT_LOCALE;
}
