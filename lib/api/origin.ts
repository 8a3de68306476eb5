// Cookie-authenticated writes must come from our own pages: the Origin header (or, when a browser
// omits it, Sec-Fetch-Site) has to name this host. API-key calls carry no ambient credentials and
// need no such check.
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return headers.get("sec-fetch-site") === "same-origin";
}
