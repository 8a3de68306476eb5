// The trust boundary for forwarded headers, applied by the HTTP server `npm start` runs
// (lib/cli/server.mjs) before Next.js sees a request. Next.js itself only fills X-Forwarded-For and
// X-Forwarded-Host when they are absent, so without this a client could name any address or host.
//
// TRUSTED_PROXIES is a comma-separated list of IP addresses and CIDR ranges (e.g.
// "10.0.0.0/8, 127.0.0.1"). When the socket peer is not in it, the client address is the peer and
// every forwarded header the client sent is dropped. When it is, the client address is the
// right-most X-Forwarded-For hop that is not itself a trusted proxy, and X-Forwarded-Host/-Proto are
// kept; the request then carries PROXY_TOKEN_HEADER with a secret only this process knows, which
// is how lib/api/origin.ts knows the forwarded host may be believed.
import { BlockList, isIP } from "node:net";

export const PROXY_TOKEN_HEADER = "x-accord-trusted-proxy";
export const PROXY_TOKEN_ENV = "ACCORD_TRUSTED_PROXY_TOKEN";
const FROM_PROXIES_ONLY = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** "::ffff:192.0.2.1" (an IPv4 peer on a dual-stack socket) → "192.0.2.1". */
function normalizeAddress(address) {
  const a = String(address ?? "").trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a;
}

/**
 * Parses TRUSTED_PROXIES; throws on an entry that is not an address or range, so a typo fails
 * the start instead of silently trusting nobody (or everybody).
 * @param {string | undefined} spec
 * @returns {BlockList}
 */
export function parseTrustedProxies(spec) {
  const list = new BlockList();
  for (const raw of String(spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [ip, prefix, extra] = entry.split("/");
    const address = normalizeAddress(ip);
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const valid =
      family !== 0 &&
      extra === undefined &&
      (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits));
    if (!valid) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** @param {BlockList} trusted @param {string} address */
function isTrustedProxy(trusted, address) {
  const a = normalizeAddress(address);
  const family = isIP(a);
  return family !== 0 && trusted.check(a, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket peer, or behind trusted proxies the right-most hop of
 * X-Forwarded-For that is not a trusted proxy (hops left of it were written by the client).
 * @param {string | undefined} peer
 * @param {string | string[] | undefined} forwardedFor
 * @param {BlockList} trusted
 */
export function resolveClientAddress(peer, forwardedFor, trusted) {
  let client = normalizeAddress(peer) || "unknown";
  if (!isTrustedProxy(trusted, client)) return client;
  const hops = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((h) => normalizeAddress(h))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    // a hop that is not an address was not written by a proxy we trust: stop at the last good one
    if (!isIP(hops[i])) break;
    client = hops[i];
    if (!isTrustedProxy(trusted, client)) break;
  }
  return client;
}

/**
 * Rewrites a Node request's headers in place (before Next.js reads them).
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string | undefined} peer the socket's remote address
 * @param {BlockList} trusted
 * @param {string} token the per-process secret that marks forwarded headers as believable
 */
export function applyForwardedTrust(headers, peer, trusted, token) {
  const fromProxy = isTrustedProxy(trusted, peer ?? "");
  headers["x-forwarded-for"] = resolveClientAddress(peer, headers["x-forwarded-for"], trusted);
  delete headers[PROXY_TOKEN_HEADER];
  if (fromProxy) headers[PROXY_TOKEN_HEADER] = token;
  else for (const name of FROM_PROXIES_ONLY) delete headers[name];
}
