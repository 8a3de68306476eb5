"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { markAllReadAction } from "@/lib/actions/notifications";

export function MarkReadButton() {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(async () => { await markAllReadAction({}); router.refresh(); })}
      className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
    >
      {pending ? "Marking…" : "Mark all as read"}
    </button>
  );
}
