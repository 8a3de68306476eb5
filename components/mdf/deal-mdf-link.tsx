"use client";
// The deal page's MDF link (lib/db/opportunity-mdf.ts): which of the deal's partner's approved MDF
// activities sourced this deal, so its won revenue counts toward that activity's ROMI.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { linkDealMdfAction } from "@/lib/actions/mdf";
import type { DealMdfLink } from "@/lib/db/opportunity-mdf";
import type { FieldErrors } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert, SelectField } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";

export function DealMdfLinkCard({ opportunityId, link }: { opportunityId: string; link: DealMdfLink }) {
  const router = useRouter();
  const current = link.linked?.id ?? "";
  const [value, setValue] = useState(current);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // the linked activity stays choosable even if it is no longer among the options
  const options =
    link.linked && !link.options.some((o) => o.id === link.linked?.id) ? [link.linked, ...link.options] : link.options;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    setSaved(false);
    const res = await linkDealMdfAction({ opportunityId, mdfRequestId: value }).catch(() => null);
    setPending(false);
    if (!res) return setMessage(UNREACHABLE);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.fieldErrors?.mdfRequestId ? null : res.message);
    }
    setErrors({});
    setSaved(true);
    router.refresh();
  }

  return (
    <Card title="MDF activity">
      {!link.partnerName ? (
        <p className="text-sm text-slate-600">
          This deal has no partner. Set its partner first to credit one of the partner&apos;s MDF activities.
        </p>
      ) : options.length === 0 ? (
        <p className="text-sm text-slate-600">
          {link.partnerName} has no approved MDF activity yet. Once one is approved, link this deal to it here.
        </p>
      ) : (
        <form onSubmit={submit} className="space-y-3" aria-label="MDF activity">
          <p className="text-sm text-slate-600">
            The MDF activity of {link.partnerName} that sourced this deal; its won revenue counts toward that
            activity&apos;s return.
          </p>
          <SelectField
            id="deal-mdf"
            label="Sourced by MDF activity"
            value={value}
            options={[{ value: "", label: "None" }, ...options.map((o) => ({ value: o.id, label: o.label }))]}
            onChange={(v) => {
              setValue(v);
              setSaved(false);
            }}
            errors={errors.mdfRequestId}
          />
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending || value === current}>
              {pending ? "Saving…" : "Save link"}
            </Button>
            {saved && (
              <p role="status" className="text-sm text-green-700">
                Saved.
              </p>
            )}
          </div>
          <FormAlert message={message} />
        </form>
      )}
    </Card>
  );
}
