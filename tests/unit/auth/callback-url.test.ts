// Regression: `/sign-in?callbackUrl=/\evil.com` (or `/<TAB>/evil.com`) sent the browser off-site after
// sign-in, because the check looked at the string's first characters instead of resolving it.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const APP = "http://localhost:3000";

describe("callback URL after sign-in: only paths on the app's own origin", () => {
  it.each([
    ["/\\evil.com", "/"],
    ["/\t/evil.com", "/"],
    ["/\n/evil.com", "/"],
    ["\\\\evil.com", "/"],
    ["//evil.com", "/"],
    ["///evil.com", "/"],
    ["/.//evil.com", "/"],
    ["https://evil.com", "/"],
    ["http://localhost:3000.evil.com/", "/"],
    ["http://localhost:3001/ops", "/"],
    ["https://localhost:3000/ops", "/"],
    [" //evil.com", "/"],
    ["javascript:alert(1)", "/"],
    ["JaVaScRiPt:alert(document.domain)", "/"],
    ["data:text/html,<script>alert(1)</script>", "/"],
    ["http://[", "/"],
    ["", "/"],
    [undefined, "/"],
    [["/ops"], "/"],
    ["/%5Cevil.com", "/%5Cevil.com"],
    ["/registrations?x=1", "/registrations?x=1"],
    ["/registrations?status=PENDING#top", "/registrations?status=PENDING#top"],
    ["/portal/registrations/abc", "/portal/registrations/abc"],
    ["http://localhost:3000/ops?tab=rules", "/ops?tab=rules"],
    ["/ops/../exec", "/exec"],
    ["ops", "/ops"],
  ])("%j → %j", (value, expected) => {
    expect(safeCallbackPath(value, APP)).toBe(expected);
  });

  it("uses the fallback it is given", () => {
    expect(safeCallbackPath("//evil.com", APP, "/sign-in")).toBe("/sign-in");
  });
});
