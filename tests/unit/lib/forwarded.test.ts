// Regression: the client address came from X-Forwarded-For as the client sent it, so after the
// 5-failure sign-in lockout a different header value signed in; forwarded headers now count only
// from proxies in TRUSTED_PROXIES.
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import {
  applyForwardedTrust,
  parseTrustedProxies,
  PROXY_TOKEN_HEADER,
  resolveClientAddress,
} from "@/lib/security/forwarded.mjs";

const NONE = parseTrustedProxies(undefined);
const PROXIES = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");

describe("client address resolution", () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ["no trusted proxies: the socket peer, whatever the header says", "198.51.100.7", "203.0.113.9", "198.51.100.7"],
    ["no trusted proxies, no header", "198.51.100.7", undefined, "198.51.100.7"],
    ["no trusted proxies, IPv4 on a dual-stack socket", "::ffff:198.51.100.7", "203.0.113.9", "198.51.100.7"],
    ["untrusted peer with a spoofed chain", "198.51.100.7", "10.0.0.1, 127.0.0.1", "198.51.100.7"],
    ["trusted peer: the hop it reports", "10.0.0.5", "203.0.113.9", "203.0.113.9"],
    [
      "trusted peer: the right-most untrusted hop, not the client's own claims",
      "10.0.0.5",
      "1.1.1.1, 203.0.113.9",
      "203.0.113.9",
    ],
    ["chain of trusted proxies", "127.0.0.1", "1.1.1.1, 203.0.113.9, 10.2.3.4, 10.0.0.9", "203.0.113.9"],
    ["every hop trusted: the left-most", "10.0.0.5", "10.0.0.7, 10.0.0.6", "10.0.0.7"],
    ["trusted peer without a header: the peer", "10.0.0.5", undefined, "10.0.0.5"],
    [
      "trusted peer, a hop that is not an address: stop at the last address",
      "10.0.0.5",
      "203.0.113.9, not-an-ip, 10.0.0.6",
      "10.0.0.6",
    ],
    ["IPv6 proxy range", "fd00::1", "2001:db8::7", "2001:db8::7"],
    ["no socket address", undefined, "203.0.113.9", "unknown"],
  ])("%s", (_name, peer, forwardedFor, expected) => {
    const trusted = _name.startsWith("no trusted") ? NONE : PROXIES;
    expect(resolveClientAddress(peer, forwardedFor, trusted)).toBe(expected);
  });

  it("rejects a TRUSTED_PROXIES entry that is not an address or range", () => {
    for (const bad of ["10.0.0.0/33", "localhost", "10.0.0.0/8/1", "::1/129", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
    expect(() => parseTrustedProxies(" 10.0.0.0/8 ,, ::1 ")).not.toThrow();
  });
});

describe("the server's header rewrite", () => {
  const sent = () => ({
    "x-forwarded-for": "203.0.113.9",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    "x-real-ip": "203.0.113.10",
    forwarded: "for=203.0.113.11",
    [PROXY_TOKEN_HEADER]: "guessed",
    host: "localhost:3000",
  });

  it("drops every forwarded header an untrusted peer sent and writes the peer as X-Forwarded-For", () => {
    const headers: Record<string, string | string[] | undefined> = sent();
    applyForwardedTrust(headers, "198.51.100.7", PROXIES, "token");
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.7", host: "localhost:3000" });
    expect(clientAddress(headers)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(headers as Record<string, string>))).toBe("198.51.100.7");
  });

  it("keeps a trusted proxy's headers and marks the request with the server's token", () => {
    const headers: Record<string, string | string[] | undefined> = sent();
    applyForwardedTrust(headers, "10.0.0.5", PROXIES, "token");
    expect(headers).toMatchObject({
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-host": "evil.example",
      [PROXY_TOKEN_HEADER]: "token",
    });
    expect(clientAddress(headers)).toBe("203.0.113.9");
  });
});

describe("clientAddress in the app", () => {
  it.each<[Record<string, string>, string]>([
    [{ "x-forwarded-for": "198.51.100.7" }, "198.51.100.7"],
    [{ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }, "198.51.100.7"],
    [{ "x-real-ip": "203.0.113.9" }, "unknown"],
    [{}, "unknown"],
  ])("%j → %s", (headers, expected) => {
    expect(clientAddress(headers)).toBe(expected);
  });
});
