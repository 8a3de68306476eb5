// The page policy allows scripts only by nonce (no 'unsafe-inline'), and nonces never repeat.
import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy } from "@/lib/security/csp";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("content security policy", () => {
  it("lets scripts run by this response's nonce only, eval only in development", () => {
    const policy = pageContentSecurityPolicy("abc123==");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(pageContentSecurityPolicy("n", { development: true }), "script-src")).toContain("'unsafe-eval'");
    for (const name of ["object-src", "frame-ancestors"]) expect(directive(policy, name)).toBe(`${name} 'none'`);
    expect(API_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
  });

  it("makes 128-bit nonces that do not repeat", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
