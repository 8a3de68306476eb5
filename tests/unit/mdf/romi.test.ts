import { describe, expect, it } from "vitest";
import { romi, romiBy, type RomiInput } from "@/lib/mdf/romi";

const row = (over: Partial<RomiInput>): RomiInput => ({
  fundId: "f1",
  motion: null,
  partnerId: "p1",
  paidCents: 0n,
  wonCents: 0n,
  ...over,
});

describe("MDF ROMI (docs/domain.md#mdf)", () => {
  it("is Σ won ÷ Σ paid", () => {
    const r = romi([row({ paidCents: 10_000n, wonCents: 30_000n }), row({ paidCents: 10_000n, wonCents: 50_000n })]);
    expect(r).toEqual({ paidCents: 20_000n, wonCents: 80_000n, ratio: 4 });
  });

  it("is null when nothing was paid (not zero, not infinity)", () => {
    expect(romi([]).ratio).toBeNull();
    expect(romi([row({ wonCents: 5n })]).ratio).toBeNull();
  });

  it("is zero when paid activities won nothing", () => {
    expect(romi([row({ paidCents: 100n })]).ratio).toBe(0);
  });

  it("groups by fund and by motion, leaving out rows without a key", () => {
    const rows = [
      row({ fundId: "a", motion: "Co-sell", paidCents: 100n, wonCents: 200n }),
      row({ fundId: "a", motion: "Co-sell", paidCents: 100n, wonCents: 600n }),
      row({ fundId: "b", motion: null, paidCents: 50n, wonCents: 50n }),
    ];
    const byFund = romiBy(rows, (r) => r.fundId);
    expect(byFund.get("a")?.ratio).toBe(4);
    expect(byFund.get("b")?.ratio).toBe(1);
    const byMotion = romiBy(rows, (r) => r.motion);
    expect([...byMotion.keys()]).toEqual(["Co-sell"]);
    expect(byMotion.get("Co-sell")).toEqual({ paidCents: 200n, wonCents: 800n, ratio: 4 });
  });
});
