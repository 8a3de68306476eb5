"use client";
// Calling a server action from a component: pending state, and the action's refusal
// ({ ok: false, message }) or an unreachable server kept as an error to show. Every button or
// dialog that runs an action goes through this, so none can ignore a failed result; a form with
// several fields uses useFormAction, which keeps every field's errors.
import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { FieldErrors } from "@/lib/errors";

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

const NOT_SAVED = "Could not reach the server. Nothing was saved; try again.";

/**
 * A form's submission: pending state, the refusal's message (`alert`) and its errors by field.
 * `submit` runs the action unless one is on its way, and returns its data (the field errors
 * cleared), or null after recording the refusal.
 */
export function useFormAction() {
  const [pending, setPending] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function submit<T>(action: () => Promise<ActionResult<T>>): Promise<{ data: T } | null> {
    if (pending) return null;
    setPending(true);
    setAlert(null);
    const res = await action().catch(() => null);
    setPending(false);
    if (!res) {
      setAlert(NOT_SAVED);
      return null;
    }
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setAlert(res.message);
      return null;
    }
    setErrors({});
    return { data: res.data };
  }
  return { pending, alert, errors, submit };
}
