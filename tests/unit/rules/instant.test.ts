import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstant } from "@/lib/rules/instant";

// parseInstant hand-parses the canonical UTC forms for speed and must agree with Date.parse on
// every string, valid or not.
const same = (s: string) =>
  Object.is(parseInstant(s), Date.parse(s)) || (Number.isNaN(parseInstant(s)) && Number.isNaN(Date.parse(s)));

describe("parseInstant", () => {
  it.each([
    "2026-03-02T09:00:00.000Z",
    "2026-03-02T09:00:00Z",
    "1970-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "0000-02-29T00:00:00Z",
    "9999-12-31T23:59:59.999Z",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z", // out of range: left to Date.parse's own leniency
    "2026-01-01T24:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-01-01T00:00:00+02:00",
    "2026-01-01",
    "2026-01-01t00:00:00z",
    "2026-01-01T00:00:00.5Z",
    "garbage-string-here!",
    "",
  ])("%s", (s) => {
    expect(same(s)).toBe(true);
  });

  it("agrees with Date.parse on generated instants and corrupted strings", () => {
    const iso = fc
      .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true })
      .map((d) => d.toISOString());
    const corrupt = fc
      .tuple(iso, fc.nat({ max: 23 }), fc.integer({ min: 32, max: 126 }))
      .map(([s, i, c]) => s.slice(0, i) + String.fromCharCode(c) + s.slice(i + 1));
    const short = iso.map((s) => `${s.slice(0, 19)}Z`);
    fc.assert(
      fc.property(fc.oneof(iso, corrupt, short), (s) => same(s)),
      { numRuns: 20_000, seed: 7 },
    );
  }, 30_000);
});
