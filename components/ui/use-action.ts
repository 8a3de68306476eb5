"use client";
// Calling a server action from a component: pending state, and the action's refusal
// ({ ok: false, message }) or an unreachable server kept as an error to show. Every button or
// dialog that runs an action goes through this, so none can ignore a failed result.
import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";

export const UNREACHABLE = "Could not reach the server. Try again.";

export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs the action; returns its data, or null after recording the error (the message of `field` when it names one). */
  const run = useCallback(
    async <T>(action: () => Promise<ActionResult<T>>, field?: string): Promise<{ data: T } | null> => {
      setPending(true);
      setError(null);
      const res = await action().catch(() => null);
      setPending(false);
      if (!res) {
        setError(UNREACHABLE);
        return null;
      }
      if (!res.ok) {
        setError((field && res.fieldErrors?.[field]?.join(" ")) || res.message);
        return null;
      }
      return { data: res.data };
    },
    [],
  );
  return { pending, error, setError, run };
}
