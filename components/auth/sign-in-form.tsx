"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import type { DemoAccount } from "@/lib/auth/demo-accounts";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The e-mail or password is incorrect.",
  RateLimited: "Too many failed attempts. Wait 15 minutes and try again.",
};

export function SignInForm({
  demo,
  demoPassword,
  callbackUrl,
}: {
  demo: DemoAccount[];
  demoPassword?: string;
  callbackUrl: string;
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(res?.status === 429 ? MESSAGES.RateLimited : (MESSAGES[res?.error ?? ""] ?? "Sign-in failed. Try again."));
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4" noValidate aria-describedby={error ? "signin-error" : undefined}>
        <div>
          <label htmlFor="email" className="block text-sm font-medium text-slate-700">
            E-mail
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500"
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-700">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500"
          />
        </div>
        {error && (
          <p id="signin-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending || !email || !password}
          className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demo.length > 0 && demoPassword && (
        <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <p className="text-sm font-semibold text-slate-800">Demo accounts</p>
          <p className="mt-0.5 text-xs text-slate-600">
            Password for all: <code className="rounded bg-white px-1 py-0.5 ring-1 ring-slate-200">{demoPassword}</code>
            . Pick one to fill the form.
          </p>
          <ul className="mt-3 grid grid-cols-1 gap-1.5 sm:grid-cols-2">
            {demo.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(demoPassword);
                  }}
                  className="w-full rounded-md bg-white px-2.5 py-1.5 text-left text-xs ring-1 ring-slate-200 hover:ring-brand-500"
                >
                  <span className="block font-medium text-slate-800">{a.label}</span>
                  <span className="block text-slate-500">{a.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
