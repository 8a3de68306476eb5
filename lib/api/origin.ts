// Cookie-authenticated writes must come from our own pages: the Origin header (or, when a browser
// omits it, Sec-Fetch-Site) has to name the app's public URL, NEXTAUTH_URL. X-Forwarded-Host and
// X-Forwarded-Proto count only on requests the server marked as coming from a proxy in
// TRUSTED_PROXIES (lib/security/forwarded.mjs); anyone else can write them. Without NEXTAUTH_URL
// (`next dev`) the Host header stands in. API-key calls carry no ambient credentials and need no
// such check.
export type OriginConfig = { publicUrl?: string; proxyToken?: string };

// must match lib/security/forwarded.mjs (PROXY_TOKEN_HEADER, PROXY_TOKEN_ENV); a unit test checks both
const PROXY_TOKEN_HEADER = "x-accord-trusted-proxy";

function fromEnv(): OriginConfig {
  return { publicUrl: process.env.NEXTAUTH_URL, proxyToken: process.env.ACCORD_TRUSTED_PROXY_TOKEN };
}

function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function parseOrigin(value: string | null | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The origins a same-origin request may name: [protocol or null for any, host]. */
function expected(headers: Headers, config: OriginConfig): [string | null, string][] {
  const out: [string | null, string][] = [];
  const publicUrl = parseOrigin(config.publicUrl);
  if (publicUrl) out.push([publicUrl.protocol, publicUrl.host]);
  const token = headers.get(PROXY_TOKEN_HEADER);
  if (config.proxyToken && token && sameSecret(token, config.proxyToken)) {
    // the proxy nearest us wrote the last value
    const host = headers.get("x-forwarded-host")?.split(",").pop()?.trim();
    const proto = headers.get("x-forwarded-proto")?.split(",").pop()?.trim();
    if (host) out.push([proto ? `${proto}:` : null, host]);
  }
  if (!publicUrl) {
    const host = headers.get("host");
    if (host) out.push([null, host]);
  }
  return out;
}

export function isSameOrigin(headers: Headers, config: OriginConfig = fromEnv()): boolean {
  const raw = headers.get("origin");
  if (!raw) return headers.get("sec-fetch-site") === "same-origin";
  const origin = parseOrigin(raw);
  if (!origin || origin.origin === "null") return false;
  return expected(headers, config).some(
    ([protocol, host]) => origin.host === host.toLowerCase() && (protocol === null || origin.protocol === protocol),
  );
}
