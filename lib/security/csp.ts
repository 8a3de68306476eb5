// The Content Security Policy of every page: scripts run only with this response's nonce (Next.js
// puts it on its own scripts when it finds the policy on the request, see proxy.ts), or when
// loaded by such a script ('strict-dynamic'). No 'unsafe-inline' for scripts: an injected
// <script> or inline handler does not run. Styles keep 'unsafe-inline' because charts and Radix
// set style attributes, which nonces cannot cover.
export function pageContentSecurityPolicy(nonce: string, opts: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON and files: nothing in them may run or load anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
