"use client";
import { useRouter } from "next/navigation";
import { markAllReadAction } from "@/lib/actions/notifications";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function MarkReadButton() {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <span className="inline-flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        className="disabled:opacity-60"
        onClick={async () => {
          if (await run(() => markAllReadAction({}))) router.refresh();
        }}
      >
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
    </span>
  );
}
