"use client";
// Calls a read-only server action a moment after its input settles, for live hints while the
// partner types. Results are keyed by their input, so an answer that arrives after the input
// changed again is never shown against the wrong values.
import { useEffect, useState } from "react";

type Result<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

const OFFLINE: Result<never> = {
  ok: false,
  code: "INTERNAL",
  message: "Could not reach the server. Check your connection.",
};

/** `input` null means "not enough to ask yet". */
export function useDebouncedAction<I, T>(input: I | null, action: (input: I) => Promise<Result<T>>, delayMs = 400) {
  const key = input === null ? null : JSON.stringify(input);
  const [answer, setAnswer] = useState<{ key: string; result: Result<T> } | null>(null);

  useEffect(() => {
    if (key === null) return;
    let stale = false;
    const timer = setTimeout(() => {
      action(JSON.parse(key) as I)
        .catch(() => OFFLINE)
        .then((result) => {
          if (!stale) setAnswer({ key, result });
        });
    }, delayMs);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key, action, delayMs]);

  const result = answer && answer.key === key ? answer.result : null;
  return { result, loading: key !== null && result === null };
}
