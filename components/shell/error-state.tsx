"use client";
// The error state of every page. When the database cannot be reached the page says so ("temporarily
// unavailable — try again in a moment") instead of "something went wrong": recognised by the digest
// the server gave the error (lib/unavailable-digest.ts) or, for any other failure, by asking
// /api/health, which answers within 2 s whatever the database does.
import { startTransition, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { UNAVAILABLE_DIGEST } from "@/lib/unavailable-digest";

type Kind = "checking" | "unavailable" | "error";

export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const known = error.digest === UNAVAILABLE_DIGEST;
  const [kind, setKind] = useState<Kind>(known ? "unavailable" : "checking");

  useEffect(() => {
    if (known) return;
    let live = true;
    fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(4_000) })
      .then((res) => (res.status === 503 ? "unavailable" : "error"))
      .catch(() => "unavailable" as const) // the server itself did not answer
      .then((k) => live && setKind(k));
    return () => {
      live = false;
    };
  }, [known]);

  const unavailable = kind === "unavailable";
  return (
    <div
      role="alert"
      data-error-kind={kind}
      className="rounded-lg border border-red-200 bg-white p-8 text-center shadow-sm"
    >
      <h1 className="text-lg font-semibold text-slate-900">
        {unavailable ? "Temporarily unavailable" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-sm text-slate-600">
        {unavailable
          ? "Accord cannot reach its database right now — try again in a moment. Nothing you entered was lost."
          : `This page could not be loaded. Nothing you entered was lost.${error.digest ? ` (Reference ${error.digest})` : ""}`}
      </p>
      <button
        type="button"
        onClick={() =>
          startTransition(() => {
            // the failure was on the server: render the page there again, then clear this state
            router.refresh();
            reset();
          })
        }
        className="mt-4 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </div>
  );
}
