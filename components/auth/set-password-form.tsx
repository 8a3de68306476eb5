"use client";
import { useState } from "react";
import Link from "next/link";
import { setPasswordAction } from "@/lib/actions/set-password";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, INPUT } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const res = await setPasswordAction({ token, password, confirm }).catch(() => null);
    setPending(false);
    if (!res) return setMessage(UNREACHABLE);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    setDone(true);
  }

  if (done)
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="text-slate-800">Your password is set. Sign in with {email}.</p>
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Go to sign in
        </Link>
      </div>
    );

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field id="new-password" label="New password" hint="At least 12 characters" errors={errors.password}>
        {(a) => (
          <input
            {...a}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={cn(INPUT, "mt-1")}
          />
        )}
      </Field>
      <Field id="confirm-password" label="Repeat the password" errors={errors.confirm}>
        {(a) => (
          <input
            {...a}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            className={cn(INPUT, "mt-1")}
          />
        )}
      </Field>
      {message && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending} className="disabled:opacity-60">
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
