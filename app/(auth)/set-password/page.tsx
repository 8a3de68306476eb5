import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { findPasswordToken } from "@/lib/db/password-tokens";

export const metadata: Metadata = { title: "Choose your password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SetPasswordPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length >= 20 && raw.length <= 200 ? raw : null;
  const found = token ? await findPasswordToken(token) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-900 via-slate-800 to-brand-900 px-4 py-12">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-xl">
        <h1 className="mb-1 text-xl font-semibold text-slate-900">Choose your password</h1>
        {token && found ? (
          <>
            <p className="mb-6 text-sm text-slate-600">For {found.email}. This link works once.</p>
            <SetPasswordForm token={token} email={found.email} />
          </>
        ) : (
          <div className="space-y-3 text-sm text-slate-700">
            <p role="alert">
              This link is not valid any more: it was used already or has expired. Ask channel operations for a new one.
            </p>
            <Link href="/sign-in" className="font-medium text-brand-700 underline">
              Go to sign in
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
