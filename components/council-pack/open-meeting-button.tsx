"use client";
// Opens (creates on first use) a month's council meeting, then goes to it.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { openMeetingAction } from "@/lib/actions/council-pack";

export function OpenMeetingButton({ month, label }: { month: string; label: string }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  async function open() {
    const res = await run(() => openMeetingAction({ month }));
    if (!res) return;
    router.push(`/council/${month}`);
    router.refresh();
  }
  return (
    <div className="flex flex-col items-end gap-2">
      <Button type="button" onClick={open} disabled={pending}>
        {pending ? "Opening…" : label}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
