// next-auth (v4) configuration: credentials provider, Argon2id passwords, JWT sessions.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { findUserForSignIn } from "@/lib/db/users";
import { safeCallbackPath } from "./callback-url";
import { authSecret } from "./secret";
import { beginSignInAttempt, signInKey, signInSucceeded } from "./rate-limit";
import { clientAddress } from "./client-address";

// Verified against when the e-mail is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hash("no-such-user-password"));

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export const authOptions: NextAuthOptions = {
  // read per request, not at import: `next build` loads this module before any secret exists
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const ip = clientAddress(req?.headers ?? {});
        const key = signInKey(credentials?.email);
        // counted before the password is checked, so parallel guesses cannot outrun the limits
        if ((await beginSignInAttempt(key, ip)) > 0) throw new Error("RateLimited");
        const parsed = credentialsInput.safeParse(credentials ?? {});
        const user = parsed.success ? await findUserForSignIn(parsed.data.email) : null;
        const password = parsed.success ? parsed.data.password : "";
        const ok = await verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
        if (!user || !ok || !user.active || user.partner?.status === "TERMINATED") return null;
        await signInSucceeded(key, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // next-auth's default accepts any URL that starts with "/"; resolve it as a browser would instead
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.uid as string;
      return session;
    },
  },
};
