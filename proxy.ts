// Next.js proxy (runs before every page render): a fresh CSP nonce per response. The policy goes
// on the request too, which is where Next.js reads the nonce to stamp its own <script> tags.
// API routes and static files are not matched: they get their headers from next.config.ts.
// Server-action POSTs are checked first (origin, size, nesting), before Next.js decodes them:
// lib/security/server-action-guard.ts.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security/csp";
import { isServerActionRequest, refuseServerAction } from "@/lib/security/server-action-guard";

export async function proxy(request: NextRequest) {
  if (isServerActionRequest(request)) {
    const refusal = await refuseServerAction(request);
    if (refusal) return refusal;
  }
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  // A NUL character in the path can match no page or row (and PostgreSQL refuses it in a query):
  // answer with the app's own 404 page rather than let a lookup fail with a 500.
  const nul = /%00|\u0000/.test(request.nextUrl.pathname);
  const response = nul
    ? NextResponse.rewrite(new URL("/not-found", request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
