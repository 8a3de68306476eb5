"use client";
// A date as people say it ("in 2 days", "3 hours ago", lib/dates/human.ts), with the exact time in
// the reader's own time zone on hover; the server's rendering is replaced by the browser's.
import { useEffect, useState } from "react";
import { humanDate } from "@/lib/dates/human";

export function HumanDate({ value, now }: { value: Date | string; now: Date | string }) {
  const iso = new Date(value).toISOString();
  const [text, setText] = useState(() => humanDate(value, new Date(now)));
  const [title, setTitle] = useState<string | undefined>(undefined);
  useEffect(() => {
    setText(humanDate(iso, new Date()));
    setTitle(new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }));
  }, [iso]);
  return (
    <time dateTime={iso} title={title} suppressHydrationWarning>
      {text}
    </time>
  );
}
