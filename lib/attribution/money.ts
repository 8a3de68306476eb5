// Money and bands in words for the "why" of an attribution line. Pure.
import type { PayPlan } from "./types";

/** Integer cents → "$250,000" (whole dollars unless there are cents). */
export function usd(cents: number): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

export type SpiffBand = { spiffCents: number; label: string };

/**
 * The co-sell SPIFF band an ACV falls in: the band with the highest minimum the ACV reaches
 * (minimum inclusive), described in words. No band reached: no SPIFF.
 */
export function spiffBand(acvCents: number, bands: PayPlan["cosellSpiffBands"]): SpiffBand {
  const sorted = [...bands].sort((a, b) => a.minAcvCents - b.minAcvCents);
  let index = -1;
  for (let i = 0; i < sorted.length; i++) if (acvCents >= sorted[i].minAcvCents) index = i;
  if (index < 0) return { spiffCents: 0, label: `ACV under ${usd(sorted[0]?.minAcvCents ?? 0)}` };
  const band = sorted[index];
  const next = sorted[index + 1];
  const label = next
    ? band.minAcvCents === 0
      ? `ACV under ${usd(next.minAcvCents)}`
      : `ACV ${usd(band.minAcvCents)} to under ${usd(next.minAcvCents)}`
    : `ACV ${usd(band.minAcvCents)} or more`;
  return { spiffCents: band.spiffCents, label };
}

/** ACV × pct / 100, to whole cents. */
export function pctOf(cents: number, pct: number): number {
  return Math.round((cents * pct) / 100);
}
