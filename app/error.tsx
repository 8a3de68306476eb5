"use client";
// Errors outside the signed-in shell, and in its layout (the user row is read there, so a database
// that cannot be reached fails it first): the same state, centred on the page.
import { ErrorState } from "@/components/shell/error-state";

export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center px-4">
      <ErrorState {...props} />
    </main>
  );
}
