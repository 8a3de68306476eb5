"use client";
// A date as people say it ("in 2 days", "3 hours ago", lib/dates/human.ts), with the exact time in
// the reader's own time zone on hover; the server's rendering is replaced by the browser's once hydrated.
import { useSyncExternalStore } from "react";
import { humanDate } from "@/lib/dates/human";

const noSubscription = () => () => {};

export function HumanDate({ value, now }: { value: Date | string; now: Date | string }) {
  const iso = new Date(value).toISOString();
  // false while rendering on the server and hydrating, true in the browser afterwards
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const text = inBrowser ? humanDate(iso, new Date()) : humanDate(value, new Date(now));
  const title = inBrowser
    ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : undefined;
  return (
    <time dateTime={iso} title={title} suppressHydrationWarning>
      {text}
    </time>
  );
}
