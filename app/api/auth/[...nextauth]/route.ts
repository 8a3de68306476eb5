// next-auth's handler, with the sign-in rate limit answered as a real 429 before next-auth runs,
// and the session endpoint checked against the user row (lib/auth/session-endpoint.ts).
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address";
import { signInBlockedFor, signInKey } from "@/lib/auth/rate-limit";
import { refuseStaleSession } from "@/lib/auth/session-endpoint";
import { errorResponse } from "@/lib/api/handler";

const nextAuth = NextAuth(authOptions);
type Route = { params: Promise<{ nextauth: string[] }> };

// GET reads the session; POST (next-auth's update()) renews it: both only for a current user.
async function session(req: NextRequest, route: Route) {
  const { nextauth } = await route.params;
  if (nextauth.join("/") === "session") return (await refuseStaleSession(req)) ?? nextAuth(req, route);
  return null;
}

async function get(req: NextRequest, route: Route) {
  return (await session(req, route)) ?? nextAuth(req, route);
}

async function post(req: NextRequest, route: Route) {
  const answered = await session(req, route);
  if (answered) return answered;
  const { nextauth } = await route.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    let wait: number;
    try {
      wait = await signInBlockedFor(signInKey(form?.get("email")), clientAddress(req.headers));
    } catch (error) {
      return errorResponse(error); // a database that cannot be reached: 503, not a 500
    }
    if (wait > 0) {
      const url = new URL("/sign-in?error=RateLimited", req.nextUrl.origin).toString();
      return NextResponse.json(
        { url, error: "RateLimited", retryAfterSeconds: wait },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
  }
  return nextAuth(req, route);
}

export { get as GET, post as POST };
