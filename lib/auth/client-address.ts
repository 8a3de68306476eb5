// The caller's address for rate limiting. The server `npm start` runs (lib/cli/server.mjs) writes
// X-Forwarded-For itself: the socket peer, or behind a proxy in TRUSTED_PROXIES the client that
// proxy reports (lib/security/forwarded.mjs); a value the client sent never survives it. The
// right-most hop is taken in case something in front appended to the header instead.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

export function clientAddress(headers: HeaderBag): string {
  const hop = header(headers, "x-forwarded-for")?.split(",").pop()?.trim();
  return (hop || "unknown").slice(0, 64);
}
