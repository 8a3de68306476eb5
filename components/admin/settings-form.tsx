"use client";
// Every setting on one page, grouped (lib/settings-catalog.ts). Values are typed as text and turned
// into the stored shape here: percentages into fractions, dollars into cents.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveSettingsAction } from "@/lib/actions/admin-settings";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FieldError, INPUT_COMPACT, LABEL_COMPACT, errorProps } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";
import { dollarsText, parseDollars } from "@/lib/money";
import type { SettingKind } from "@/lib/settings-catalog";

export type SettingView = {
  key: string;
  label: string;
  unit: string;
  help: string;
  kind: SettingKind;
  parts: string[];
  value: unknown;
  defaultText: string;
  changedText: string | null;
};

type Band = { minAcvCents: number; spiffCents: number };

function toText(view: SettingView): string[] {
  const v = view.value;
  switch (view.kind) {
    case "int":
      return [String(v)];
    case "fraction":
      return [String(Math.round((v as number) * 10_000) / 100)];
    case "int-list":
      return (v as number[]).map(String);
    case "pct-by-tier":
      return view.parts.map((p) => String((v as Record<string, number>)[p] ?? ""));
    case "bands":
      return (v as Band[]).flatMap((b) => [dollarsText(b.minAcvCents), dollarsText(b.spiffCents)]);
  }
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === "") return null;
  const n = Number(s.replace(/[,$%\s]/g, ""));
  return Number.isFinite(n) ? n : null;
};
const cents = (s: string | undefined) => (s === undefined || s.trim() === "" ? null : parseDollars(s));

function fromText(view: SettingView, text: string[]): unknown {
  switch (view.kind) {
    case "int":
      return num(text[0]);
    case "fraction": {
      const n = num(text[0]);
      return n === null ? null : n / 100;
    }
    case "int-list":
      return text.map(num);
    case "pct-by-tier":
      return Object.fromEntries(view.parts.map((p, i) => [p, num(text[i])]));
    case "bands": {
      const out = [];
      for (let i = 0; i < text.length; i += 2)
        out.push({ minAcvCents: cents(text[i]), spiffCents: cents(text[i + 1]) });
      return out;
    }
  }
}

function partLabels(view: SettingView): string[] {
  if (view.kind === "bands")
    return toText(view).map((_, i) =>
      i % 2 === 0 ? `Band ${i / 2 + 1}: from ACV ($)` : `Band ${(i - 1) / 2 + 1}: SPIFF ($)`,
    );
  if (view.kind === "pct-by-tier") return view.parts.map((p) => `${p.charAt(0)}${p.slice(1).toLowerCase()} (%)`);
  if (view.kind === "int-list") return view.parts;
  return [view.kind === "fraction" ? `${view.label} (%)` : `${view.label} (${view.unit})`];
}

export function SettingsForm({
  groups,
  version,
}: {
  groups: { group: string; settings: SettingView[] }[];
  version: string;
}) {
  const router = useRouter();
  const all = groups.flatMap((g) => g.settings);
  const initial = Object.fromEntries(all.map((s) => [s.key, toText(s)]));
  const [text, setText] = useState<Record<string, string[]>>(initial);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const values: Record<string, unknown> = {};
    for (const s of all)
      if (JSON.stringify(text[s.key]) !== JSON.stringify(initial[s.key])) values[s.key] = fromText(s, text[s.key]);
    const res = await saveSettingsAction({ version, values }).catch(() => null);
    setPending(false);
    if (!res) return setMessage({ tone: "error", text: UNREACHABLE });
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage({ tone: "error", text: res.message });
    }
    setErrors({});
    const n = res.data.changed.length;
    setMessage({
      tone: "ok",
      text: n === 0 ? "Nothing changed." : `Saved ${n} setting${n === 1 ? "" : "s"}. They apply from the next request.`,
    });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {groups.map((g) => (
        <Card key={g.group} title={g.group}>
          <div className="divide-y divide-slate-100">
            {g.settings.map((s) => {
              const labels = partLabels(s);
              const fieldErrors = errors[s.key];
              return (
                <fieldset key={s.key} className="py-3 first:pt-0 last:pb-0" aria-describedby={`${s.key}-help`}>
                  <legend className="text-sm font-medium text-slate-800">
                    {s.label} <span className="font-normal text-slate-500">· {s.unit}</span>
                  </legend>
                  <p id={`${s.key}-help`} className="mt-0.5 text-xs text-slate-500">
                    {s.help} Default: {s.defaultText}.{s.changedText ? ` Last changed ${s.changedText}.` : ""}
                  </p>
                  <div className="mt-2 flex flex-wrap gap-3">
                    {labels.map((label, i) => {
                      const id = `${s.key}-${i}`.replace(/\./g, "-");
                      return (
                        <div key={id} className="w-40">
                          <label htmlFor={id} className={cn(LABEL_COMPACT, labels.length === 1 && "sr-only")}>
                            {label}
                          </label>
                          <input
                            id={id}
                            name={id}
                            inputMode="decimal"
                            value={text[s.key][i] ?? ""}
                            onChange={(e) =>
                              setText((t) => ({
                                ...t,
                                [s.key]: t[s.key].map((v, j) => (j === i ? e.target.value : v)),
                              }))
                            }
                            {...errorProps(`${s.key}-err`.replace(/\./g, "-"), fieldErrors)}
                            className={cn(INPUT_COMPACT, "mt-1")}
                          />
                        </div>
                      );
                    })}
                  </div>
                  <FieldError id={`${s.key}-err`.replace(/\./g, "-")} messages={fieldErrors} />
                </fieldset>
              );
            })}
          </div>
        </Card>
      ))}
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}
        >
          {message.text}
        </p>
      )}
      <Button type="submit" disabled={pending} className="disabled:opacity-60">
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
