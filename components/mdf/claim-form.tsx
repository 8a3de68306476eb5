"use client";
// Claim an approved MDF request with proof (POST /api/v1/mdf/requests/{id}/proof, multipart): a
// PDF, PNG or JPEG of at most 10 MB; the server checks the file's content, not only its name.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert, LABEL } from "@/components/ui/field";

export function MdfClaimForm({ id, activity }: { id: string; activity: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setPending(true);
    setMessage(null);
    const body = new FormData();
    body.set("file", file);
    const res = await fetch(`/api/v1/mdf/requests/${encodeURIComponent(id)}/proof`, { method: "POST", body }).catch(
      () => null,
    );
    setPending(false);
    if (!res) return setMessage("Could not reach the server. Try again.");
    if (!res.ok) {
      const err = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setMessage(err?.error?.message ?? "The claim was refused.");
    }
    router.refresh();
  }

  const inputId = `mdf-proof-${id}`;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end justify-end gap-2">
      <div>
        <label htmlFor={inputId} className={LABEL}>
          Proof for {activity} (PDF, PNG or JPEG, up to 10 MB)
        </label>
        <input
          id={inputId}
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="mt-1 block text-sm"
        />
      </div>
      <Button type="submit" disabled={pending || !file} aria-label={`Claim ${activity}`}>
        {pending ? "Uploading…" : "Claim"}
      </Button>
      <FormAlert message={message} className="w-full" />
    </form>
  );
}
