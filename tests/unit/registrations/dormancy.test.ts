import { describe, expect, it } from "vitest";
import { dormancyCutoff, dormantReleaseAt, lastActivity } from "@/lib/registrations/dormancy";

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("dormant release", () => {
  it.each([
    ["registration only", d("2026-09-01"), null, d("2026-10-31")],
    ["the deal moved later", d("2026-09-01"), d("2026-10-01"), d("2026-11-30")],
    ["the deal moved earlier", d("2026-09-01"), d("2026-08-01"), d("2026-10-31")],
  ])("%s", (_, registration, opportunity, expected) => {
    expect(dormantReleaseAt(registration, opportunity, 60)).toEqual(expected);
    expect(lastActivity(registration, opportunity).getTime()).toBe(
      Math.max(registration.getTime(), opportunity?.getTime() ?? 0),
    );
  });
});

describe("dormancy cutoff", () => {
  it.each([
    [60, d("2026-09-01")],
    [1, d("2026-10-30")],
  ])("%i days before now", (days, expected) => {
    expect(dormancyCutoff(d("2026-10-31"), days)).toEqual(expected);
  });
});
