"use client";
// Starts a new draft: a copy of the given version, or of the version in force when none is given.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createDraftAction } from "@/lib/actions/rule-sets";
import { Button } from "@/components/ui/button";

export function NewDraftButton({
  fromId,
  label = "New draft",
  variant = "primary",
}: {
  fromId?: string;
  label?: string;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setPending(true);
    setError(null);
    const res = await createDraftAction(fromId ? { fromId } : {});
    if (!res.ok) {
      setPending(false);
      setError(res.code === "NOT_FOUND" && !fromId ? "No rule set is in force to copy from." : res.message);
      return;
    }
    // stays pending until the draft page replaces this one
    router.push(`/rules/${res.data.id}`);
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button type="button" variant={variant} onClick={create} disabled={pending}>
        {pending ? "Creating draft…" : label}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
