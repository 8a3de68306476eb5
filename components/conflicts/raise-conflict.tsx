"use client";
// Raising a conflict case by hand (docs/domain.md#who-opens-a-case): a partner on its own
// registration ("I was here first"), an AE on its own opportunity ("a partner claims my deal" /
// "I want to co-sell"). One open case per subject: a 409 names the case already open, and the
// dialog links to it.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { raiseConflictAction } from "@/lib/actions/conflicts";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { Field, INPUT, TextAreaField } from "@/components/ui/field";

type Subject = { registrationId: string } | { opportunityId: string };

const AE_REASONS = [
  { value: "PARTNER_CLAIMS_DEAL", label: "A partner claims my deal" },
  { value: "CO_SELL", label: "I want to co-sell with a partner" },
] as const;

export function RaiseConflictButton({
  subject,
  casePath,
  partners,
}: {
  subject: Subject;
  casePath: string;
  /** For an AE: the partners to name when neither the deal nor a claim on its account names one. */
  partners?: { id: string; name: string }[];
}) {
  const router = useRouter();
  const partner = "registrationId" in subject;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [partnerId, setPartnerId] = useState("");
  const [reason, setReason] = useState<(typeof AE_REASONS)[number]["value"]>("PARTNER_CLAIMS_DEAL");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [existing, setExisting] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFields({});
    setExisting(null);
    const input =
      "registrationId" in subject
        ? { registrationId: subject.registrationId, note }
        : { opportunityId: subject.opportunityId, reason, note, partnerId: partnerId || null };
    const res = await raiseConflictAction(input).catch(() => null);
    setPending(false);
    if (!res) return setError("Could not reach the server. Nothing was raised; try again.");
    if (!res.ok) {
      setError(res.message);
      const f = res.fieldErrors ?? {};
      setExisting(f.conflictId?.[0] ?? null);
      // the schema's paths are under "input."
      setFields(Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(/^input\./, ""), v])));
      return;
    }
    setOpen(false);
    router.push(`${casePath}/${res.data.id}`);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="secondary">{partner ? "I was here first…" : "Raise a conflict…"}</Button>}
      title={partner ? "I was here first" : "Raise a conflict on this deal"}
      description={
        partner
          ? "The vendor's team reviews the claims on this deal and decides. Say what shows your company was first."
          : "The case opens at level 1 with the partner's manager; the partner is told in neutral words."
      }
    >
      <form onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-4 space-y-4">
        {!partner && (
          <Field id="raise-reason" label="What happened" errors={fields.reason}>
            {(a) => (
              <select
                {...a}
                value={reason}
                onChange={(e) => setReason(e.target.value as typeof reason)}
                className={cn(INPUT, "mt-1")}
              >
                {AE_REASONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!partner && partners && (
          <Field
            id="raise-partner"
            label="Partner concerned"
            optional
            hint="Leave empty when the deal or a registration on its account names the partner."
            errors={fields.partnerId}
          >
            {(a) => (
              <select
                {...a}
                value={partnerId}
                onChange={(e) => setPartnerId(e.target.value)}
                className={cn(INPUT, "mt-1")}
              >
                <option value="">From the deal or its registrations</option>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <TextAreaField
          id="raise-note"
          label={partner ? "Why your company was first" : "Details"}
          errors={fields.note}
          rows={4}
          maxLength={2000}
          value={note}
          onChange={setNote}
          placeholder={partner ? "e.g. We ran the discovery workshop on 3 March, before any other contact." : undefined}
        />
        {existing && (
          <p className="text-sm">
            <Link href={`${casePath}/${existing}`} className="font-medium text-brand-700 underline">
              Open the case already under way
            </Link>
          </p>
        )}
        <DialogFormFooter error={error} pending={pending} submitLabel="Raise the case" pendingLabel="Raising…" />
      </form>
    </Dialog>
  );
}
