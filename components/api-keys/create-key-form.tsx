"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, INPUT } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

export function CreateKeyForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const { pending, error, run } = useAction();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => createApiKeyAction({ name }), "name");
    if (!res) return;
    setCreated({ name: res.data.name, key: res.data.key });
    setName("");
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <Field id="key-name" label="Key name" errors={error ? [error] : undefined} className="w-72 max-w-full">
          {(a) => (
            <input
              {...a}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. CRM sync"
              maxLength={100}
              className={cn(INPUT, "mt-1")}
            />
          )}
        </Field>
        <Button type="submit" disabled={pending || name.trim().length < 2} className="disabled:opacity-60">
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {error && (
        <p role="alert" className="sr-only">
          {error}
        </p>
      )}
      {created && (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">Copy the key for “{created.name}” now: it is shown only once.</p>
          <code
            data-testid="new-api-key"
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200"
          >
            {created.key}
          </code>
        </div>
      )}
    </div>
  );
}
