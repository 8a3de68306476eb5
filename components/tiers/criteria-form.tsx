"use client";
// Editing the tier criteria (channel operations, a section of /admin/settings): per tier, the sourced
// revenue won in a quarter (in dollars), the win rate (%), the registrations approved and the
// certifications the partner holds. The server checks again
// (lib/validation/tiers.ts), including that a higher tier never asks for less than a lower one.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FormAlert, INPUT } from "@/components/ui/field";
import { saveTierCriteriaAction } from "@/lib/actions/tiers";

type Values = Record<string, string>;
const TIERS = ["PLATINUM", "GOLD", "SILVER"] as const;
const FIELDS = [
  { key: "revenue", label: "Sourced revenue won ($)", mode: "decimal" as const },
  { key: "winRate", label: "Win rate (%)", mode: "decimal" as const },
  { key: "registrations", label: "Registrations approved", mode: "numeric" as const },
  { key: "certifications", label: "Certifications held", mode: "numeric" as const },
];
const title = (t: string) => t[0] + t.slice(1).toLowerCase();

export function CriteriaForm({ initial }: { initial: Values }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setSaved(false);
    setFields({});
    const res = await saveTierCriteriaAction(values).catch(() => null);
    setPending(false);
    if (!res) return setError("Could not reach the server. Nothing was saved; try again.");
    if (!res.ok) {
      setFields(res.fieldErrors ?? {});
      return setError(res.message);
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={pending} className="space-y-4">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
        {TIERS.map((t) => (
          <fieldset key={t} className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">{title(t)}</legend>
            {FIELDS.map((f) => {
              const name = `${t}_${f.key}`;
              return (
                <Field key={name} id={`criteria-${name}`} label={`${title(t)}: ${f.label}`} errors={fields[name]}>
                  {(a) => (
                    <input
                      {...a}
                      name={name}
                      inputMode={f.mode}
                      value={values[name] ?? ""}
                      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                      className={cn(INPUT, "mt-1")}
                    />
                  )}
                </Field>
              );
            })}
          </fieldset>
        ))}
      </div>
      <FormAlert message={error} />
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Saved. The next tier review uses these criteria.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save criteria"}
      </Button>
    </form>
  );
}
