// Regression: the sign-in limits were checked before the password and counted after it, so guesses
// sent in parallel (from any number of addresses) all passed the check and the 20-per-account limit
// did not hold; attempts are now counted by the database before the password is verified.
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { signInBlockedFor } from "@/lib/auth/rate-limit";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

async function attempt(email: string, password: string, ip: string): Promise<"refused" | "failed" | "signed-in"> {
  try {
    return (await authorize({ email, password }, { headers: { "x-forwarded-for": ip } })) ? "signed-in" : "failed";
  } catch (e) {
    if ((e as Error).message === "RateLimited") return "refused";
    throw e;
  }
}

describe("sign-in limits", () => {
  it("hold the 20-failures-per-account limit against guesses sent in parallel from 40 addresses", async () => {
    const email = "samuel.wright@accord.test";
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(email, `wrong-${i}`, `198.51.100.${i + 1}`)),
    );
    expect(outcomes.filter((o) => o === "failed")).toHaveLength(20);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(20);
    // locked from any address, with the right password too
    expect(await attempt(email, "accord-demo", "203.0.113.200")).toBe("refused");
    expect(await signInBlockedFor(email, "203.0.113.201")).toBeGreaterThan(0);
  });

  it("a refused attempt is not counted, and a successful one clears the address's failures without counting", async () => {
    const email = "sophie.laurent@accord.test";
    for (let i = 0; i < 5; i++) expect(await attempt(email, "wrong", "203.0.113.10")).toBe("failed");
    for (let i = 0; i < 3; i++) expect(await attempt(email, "accord-demo", "203.0.113.10")).toBe("refused");
    // 5 failures so far on the account: 15 more from other addresses are still allowed
    for (let i = 0; i < 4; i++) expect(await attempt(email, "accord-demo", `203.0.113.${20 + i}`)).toBe("signed-in");
    const more = await Promise.all(
      Array.from({ length: 15 }, (_, i) => attempt(email, "wrong", `203.0.113.${40 + i}`)),
    );
    expect(
      more.every((o) => o === "failed"),
      String(more),
    ).toBe(true);
    expect(await attempt(email, "wrong", "203.0.113.99")).toBe("refused");
  });
});
