// The caller's address for rate limiting: the first X-Forwarded-For hop when a load balancer sets
// it, else X-Real-IP. Not a security boundary on its own (headers can be forged without a proxy),
// which is why sign-in limits also count per account.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function clientAddress(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || header(headers, "x-real-ip") || "local").slice(0, 64);
}
