"use client";
import { ErrorState } from "@/components/shell/error-state";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} />;
}
