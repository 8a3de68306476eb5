"use client";
import { useState } from "react";
import Link from "next/link";
import { createUserAction } from "@/lib/actions/admin-users";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, INPUT } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";
import { RoleFields, type RoleFieldValues } from "./user-fields";

type Created = { id: string; name: string; link: string };

export function CreateUserForm({ partners }: { partners: { id: string; name: string }[] }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roleFields, setRoleFields] = useState<RoleFieldValues>({ role: "AE", title: "", partnerId: "" });
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const res = await createUserAction({ name, email, ...roleFields }).catch(() => null);
    setPending(false);
    if (!res) return setMessage(UNREACHABLE);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    setErrors({});
    setCreated(res.data);
  }

  if (created) {
    const url = `${window.location.origin}${created.link}`;
    return (
      <div role="status" className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm">
        <p className="font-medium text-amber-900">
          {created.name} was created. Copy the set-password link now: it is shown only once (it was also e-mailed) and
          works once, for 72 hours.
        </p>
        <code
          data-testid="set-password-link"
          className="block break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200"
        >
          {url}
        </code>
        <p className="flex gap-4">
          <Link href={`/admin/users/${created.id}`} className="font-medium text-brand-700 underline">
            Open {created.name}
          </Link>
          <Link href="/admin/users" className="font-medium text-brand-700 underline">
            Back to users
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="grid max-w-xl gap-4">
      <Field id="user-name" label="Name" errors={errors.name}>
        {(a) => (
          <input
            {...a}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            maxLength={120}
            className={cn(INPUT, "mt-1")}
          />
        )}
      </Field>
      <Field id="user-email" label="E-mail" errors={errors.email}>
        {(a) => (
          <input
            {...a}
            type="email"
            name="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            maxLength={200}
            className={cn(INPUT, "mt-1")}
          />
        )}
      </Field>
      <RoleFields value={roleFields} onChange={setRoleFields} partners={partners} errors={errors} />
      {message && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message}
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending} className="disabled:opacity-60">
          {pending ? "Creating…" : "Create user"}
        </Button>
      </div>
    </form>
  );
}
