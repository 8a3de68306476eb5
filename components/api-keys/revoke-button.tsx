"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Revoke “${name}”? Systems using it stop working at once.`)) return;
        start(async () => {
          await revokeApiKeyAction({ id });
          router.refresh();
        });
      }}
      className="text-sm font-medium text-red-700 hover:underline disabled:opacity-60"
    >
      {pending ? "Revoking…" : "Revoke"}
    </button>
  );
}
