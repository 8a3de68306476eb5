"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiKeyAction } from "@/lib/actions/api-keys";

export function CreateKeyForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await createApiKeyAction({ name });
    setPending(false);
    if (!res.ok) return setError(res.fieldErrors?.name?.[0] ?? res.message);
    setCreated({ name: res.data.name, key: res.data.key });
    setName("");
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700" htmlFor="key-name">
          Key name
          <input id="key-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CRM sync" maxLength={100}
            aria-invalid={error ? true : undefined} aria-describedby={error ? "key-error" : undefined}
            className="w-72 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <button type="submit" disabled={pending || name.trim().length < 2} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      {error && <p id="key-error" role="alert" className="text-sm text-red-700">{error}</p>}
      {created && (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Copy the key for “{created.name}” now: it is shown only once.</p>
          <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200">{created.key}</code>
        </div>
      )}
    </div>
  );
}
