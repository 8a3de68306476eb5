// Parsing the `at` fact. Date.parse costs ~200 ns, more than a whole compiled decision at 1,000
// rules, so the canonical UTC forms that toISOString writes — "YYYY-MM-DDTHH:MM:SSZ" and
// "YYYY-MM-DDTHH:MM:SS.sssZ" — are parsed by hand (~35 ns). Anything else (offsets, date-only,
// out-of-range fields that Date.parse accepts leniently) goes to Date.parse, so the result is
// identical to Date.parse for every string; a unit test checks that on generated strings.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch milliseconds of an ISO-8601 instant; NaN when unparseable. */
export function parseInstant(s: string): number {
  const len = s.length;
  const shape =
    (len === 20 || (len === 24 && s.charCodeAt(19) === 46)) && // optional ".sss"
    s.charCodeAt(len - 1) === 90 && // Z
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 && // - -
    s.charCodeAt(10) === 84 && // T
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58; // : :
  if (!shape) return Date.parse(s);

  // Digit values; a non-digit gives a value outside 0..9, caught below without branching per digit.
  const d0 = s.charCodeAt(0) - 48,
    d1 = s.charCodeAt(1) - 48,
    d2 = s.charCodeAt(2) - 48,
    d3 = s.charCodeAt(3) - 48;
  const d5 = s.charCodeAt(5) - 48,
    d6 = s.charCodeAt(6) - 48,
    d8 = s.charCodeAt(8) - 48,
    d9 = s.charCodeAt(9) - 48;
  const d11 = s.charCodeAt(11) - 48,
    d12 = s.charCodeAt(12) - 48,
    d14 = s.charCodeAt(14) - 48;
  const d15 = s.charCodeAt(15) - 48,
    d17 = s.charCodeAt(17) - 48,
    d18 = s.charCodeAt(18) - 48;
  const f0 = len === 24 ? s.charCodeAt(20) - 48 : 0;
  const f1 = len === 24 ? s.charCodeAt(21) - 48 : 0;
  const f2 = len === 24 ? s.charCodeAt(22) - 48 : 0;
  const any = d0 | d1 | d2 | d3 | d5 | d6 | d8 | d9 | d11 | d12 | d14 | d15 | d17 | d18 | f0 | f1 | f2;
  const big = Math.max(d0, d1, d2, d3, d5, d6, d8, d9, d11, d12, d14, d15, d17, d18, f0, f1, f2);
  const y = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const mo = d5 * 10 + d6;
  const d = d8 * 10 + d9;
  const h = d11 * 10 + d12;
  const mi = d14 * 10 + d15;
  const sec = d17 * 10 + d18;
  const ms = f0 * 100 + f1 * 10 + f2;
  const leapDay = mo === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (
    any < 0 ||
    big > 9 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    (d > DAYS_IN_MONTH[mo - 1] && !leapDay) ||
    h > 23 ||
    mi > 59 ||
    sec > 59
  ) {
    return Date.parse(s);
  }
  // Days since 1970-01-01 from the civil date (H. Hinnant's era-based algorithm, exact for all years).
  const yy = mo <= 2 ? y - 1 : y;
  // yy ≥ -1 (four digits), so integer division by truncation is floor except for yy = -1.
  const era = yy < 0 ? -1 : (yy / 400) | 0;
  const yoe = yy - era * 400;
  const doy = (((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + (yoe >> 2) - ((yoe / 100) | 0) + doy;
  return (era * 146_097 + doe - 719_468) * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
}
