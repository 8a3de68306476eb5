// Where the browser goes after signing in: only a path on the app's own origin. The value is
// resolved with the URL API against that origin, exactly as a browser would resolve it (which reads
// `/\` as `//` and drops tabs and newlines), and anything that lands elsewhere is refused. Pure: the
// sign-in page and next-auth's redirect callback (lib/auth/options.ts) both use it.

/** The default after sign-in: `/` sends each role to its home (app/page.tsx). */
const AFTER_SIGN_IN = "/";

export function safeCallbackPath(value: unknown, appOrigin: string, fallback = AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value === "" || value.length > 2048) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(appOrigin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.com` resolves to the path `//evil.com`, which written out again is protocol-relative
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
