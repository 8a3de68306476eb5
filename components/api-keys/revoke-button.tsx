"use client";
import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { ConfirmButton } from "@/components/ui/confirm";

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label={
        <>
          Revoke<span className="sr-only"> “{name}”</span>
        </>
      }
      triggerVariant="link-danger"
      title={`Revoke “${name}”?`}
      description="Systems using it stop working at once. This cannot be undone."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      onConfirm={async () => {
        const res = await revokeApiKeyAction({ id });
        if (!res.ok) return res;
        router.refresh();
      }}
    />
  );
}
