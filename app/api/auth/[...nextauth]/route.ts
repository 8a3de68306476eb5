// next-auth's handler, with the sign-in rate limit answered as a real 429 before next-auth runs.
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address";
import { signInBlockedFor, signInKey } from "@/lib/auth/rate-limit";

const nextAuth = NextAuth(authOptions);

async function post(req: NextRequest, route: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await route.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const wait = await signInBlockedFor(signInKey(form?.get("email")), clientAddress(req.headers));
    if (wait > 0) {
      const url = new URL("/sign-in?error=RateLimited", req.nextUrl.origin).toString();
      return NextResponse.json({ url, error: "RateLimited", retryAfterSeconds: wait }, { status: 429, headers: { "Retry-After": String(wait) } });
    }
  }
  return nextAuth(req, route);
}

export { nextAuth as GET, post as POST };
