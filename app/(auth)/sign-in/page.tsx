import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getContext } from "@/lib/auth/context";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { HOME } from "@/lib/auth/navigation";
import { isDemoLoaded } from "@/lib/db/users";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  // only paths on our own origin: never an open redirect
  return safeCallbackPath(v, process.env.NEXTAUTH_URL || "http://localhost");
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getContext();
  if (ctx) redirect(HOME[ctx.role]);
  const sp = await searchParams;
  const demo = await isDemoLoaded();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-900 via-slate-800 to-brand-900 px-4 py-12">
      <div className="w-full max-w-lg rounded-xl bg-white p-8 shadow-xl">
        <div className="mb-6 flex items-center gap-2">
          <span
            aria-hidden
            className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 font-semibold text-white"
          >
            A
          </span>
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Sign in to Accord</h1>
            <p className="text-sm text-slate-600">Rules of engagement, deal registration and the revenue council.</p>
          </div>
        </div>
        <SignInForm
          demo={demo ? DEMO_ACCOUNTS : []}
          demoPassword={demo ? DEMO_PASSWORD : undefined}
          callbackUrl={safeCallback(sp.callbackUrl)}
        />
      </div>
    </main>
  );
}
