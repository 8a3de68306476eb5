// Regression: X-Forwarded-Host was believed from anyone, so a cookie-authenticated write with
// `X-Forwarded-Host: evil.example` and `Origin: http://evil.example` passed the same-origin check.
import { describe, expect, it } from "vitest";
import { isSameOrigin, type OriginConfig } from "@/lib/api/origin";
import {
  applyForwardedTrust,
  parseTrustedProxies,
  PROXY_TOKEN_ENV,
  PROXY_TOKEN_HEADER,
} from "@/lib/security/forwarded.mjs";

const h = (init: Record<string, string>) => new Headers(init);
const PUBLIC: OriginConfig = { publicUrl: "https://accord.example.com", proxyToken: "s3cret-token" };
const LOCAL: OriginConfig = { publicUrl: "http://localhost:3000", proxyToken: "s3cret-token" };
const DEV: OriginConfig = {}; // `next dev`: no NEXTAUTH_URL, no server in front

describe("same-origin check for cookie-authenticated writes", () => {
  it.each<[Record<string, string>, OriginConfig, boolean]>([
    [{ host: "accord.example.com", origin: "https://accord.example.com" }, PUBLIC, true],
    [{ host: "internal:3000", origin: "https://accord.example.com" }, PUBLIC, true],
    [{ host: "localhost:3000", origin: "http://localhost:3000" }, LOCAL, true],
    [{ host: "accord.example.com", origin: "http://accord.example.com" }, PUBLIC, false],
    [{ host: "accord.example.com", origin: "https://evil.example" }, PUBLIC, false],
    [{ host: "accord.example.com", origin: "https://accord.example.com.evil.example" }, PUBLIC, false],
    [{ host: "accord.example.com", origin: "null" }, PUBLIC, false],
    [{ host: "accord.example.com", origin: "not a url" }, PUBLIC, false],
    [{ host: "accord.example.com", "sec-fetch-site": "same-origin" }, PUBLIC, true],
    [{ host: "accord.example.com", "sec-fetch-site": "cross-site" }, PUBLIC, false],
    [{ host: "accord.example.com" }, PUBLIC, false],
    // forwarded headers from anyone are ignored...
    [{ host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "http://evil.example" }, LOCAL, false],
    [
      {
        host: "localhost:3000",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "http",
        origin: "http://evil.example",
      },
      LOCAL,
      false,
    ],
    [{ host: "evil.example", origin: "http://evil.example" }, LOCAL, false],
    [
      {
        host: "localhost:3000",
        "x-forwarded-host": "evil.example",
        [PROXY_TOKEN_HEADER]: "guessed",
        origin: "http://evil.example",
      },
      LOCAL,
      false,
    ],
    [
      {
        host: "localhost:3000",
        "x-forwarded-host": "evil.example",
        [PROXY_TOKEN_HEADER]: "s3cret-token",
        origin: "http://evil.example",
      },
      {},
      false,
    ],
    // ...but believed on a request the server marked as coming from a trusted proxy
    [
      {
        host: "internal:3000",
        "x-forwarded-host": "accord.example.com",
        "x-forwarded-proto": "https",
        [PROXY_TOKEN_HEADER]: "s3cret-token",
        origin: "https://accord.example.com",
      },
      LOCAL,
      true,
    ],
    [
      {
        host: "internal:3000",
        "x-forwarded-host": "accord.example.com",
        "x-forwarded-proto": "https",
        [PROXY_TOKEN_HEADER]: "s3cret-token",
        origin: "http://accord.example.com",
      },
      LOCAL,
      false,
    ],
    // without NEXTAUTH_URL the Host header stands in, never X-Forwarded-Host
    [{ host: "localhost:3000", origin: "http://localhost:3000" }, DEV, true],
    [{ host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "http://evil.example" }, DEV, false],
  ])("%j with %j → %s", (headers, config, expected) => {
    expect(isSameOrigin(h(headers), config)).toBe(expected);
  });

  it("reads NEXTAUTH_URL and the server's token from the environment by default", () => {
    const saved = { url: process.env.NEXTAUTH_URL, token: process.env[PROXY_TOKEN_ENV] };
    try {
      process.env.NEXTAUTH_URL = "https://accord.example.com";
      delete process.env[PROXY_TOKEN_ENV];
      expect(isSameOrigin(h({ host: "accord.example.com", origin: "https://accord.example.com" }))).toBe(true);
      expect(
        isSameOrigin(h({ host: "evil.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" })),
      ).toBe(false);
    } finally {
      if (saved.url === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = saved.url;
      if (saved.token !== undefined) process.env[PROXY_TOKEN_ENV] = saved.token;
    }
  });

  it("agrees with the server's trust boundary: forwarded host believed from a trusted proxy only", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    const sent = {
      host: "internal:3000",
      "x-forwarded-host": "accord.example.com",
      "x-forwarded-proto": "https",
      origin: "https://accord.example.com",
    };
    const viaProxy: Record<string, string | string[] | undefined> = { ...sent };
    applyForwardedTrust(viaProxy, "10.1.2.3", trusted, "s3cret-token");
    expect(isSameOrigin(h(viaProxy as Record<string, string>), LOCAL)).toBe(true);
    const direct: Record<string, string | string[] | undefined> = { ...sent, [PROXY_TOKEN_HEADER]: "s3cret-token" };
    applyForwardedTrust(direct, "198.51.100.7", trusted, "s3cret-token");
    expect(isSameOrigin(h(direct as Record<string, string>), LOCAL)).toBe(false);
  });
});
