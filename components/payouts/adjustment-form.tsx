"use client";
// Channel operations adjust one party's statement (docs/domain.md#attribution-and-pay): what it
// corrects, a signed amount, the month it is booked to and the reason the statement shows. Audited.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { addAdjustmentAction } from "@/lib/actions/payouts";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { Field, INPUT, TextAreaField } from "@/components/ui/field";

const KINDS = {
  AE: [
    { value: "QUOTA_CREDIT", label: "Quota credit" },
    { value: "SPIFF", label: "SPIFF" },
  ],
  PARTNER: [{ value: "MARGIN", label: "Margin" }],
} as const;

export function AdjustmentButton({
  subject,
  subjectId,
  name,
  months,
}: {
  subject: "AE" | "PARTNER";
  subjectId: string;
  name: string;
  /** The months of the statement's period ("YYYY-MM"); the first is preselected. */
  months: string[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<string>(KINDS[subject][0].value);
  const [amount, setAmount] = useState("");
  const [month, setMonth] = useState(months[0]);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFields({});
    const res = await addAdjustmentAction({ subject, subjectId, kind, amount, month, reason }).catch(() => null);
    setPending(false);
    if (!res) return setError("Could not reach the server. Nothing was booked; try again.");
    if (!res.ok) {
      setError(res.message);
      setFields(res.fieldErrors ?? {});
      return;
    }
    setOpen(false);
    setAmount("");
    setReason("");
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="secondary">Add adjustment…</Button>}
      title={`Adjust ${name}'s statement`}
      description="A negative amount takes back. The reason is shown on the statement and recorded in the audit log."
    >
      <form onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-4 space-y-4">
        <Field id="adj-kind" label="Corrects" errors={fields.kind}>
          {(a) => (
            <select {...a} value={kind} onChange={(e) => setKind(e.target.value)} className={cn(INPUT, "mt-1")}>
              {KINDS[subject].map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="adj-amount" label="Amount (USD)" hint="e.g. 500 or -250.50" errors={fields.amount}>
          {(a) => (
            <input
              {...a}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              className={cn(INPUT, "mt-1")}
            />
          )}
        </Field>
        <Field id="adj-month" label="Booked to month" errors={fields.month}>
          {(a) => (
            <select {...a} value={month} onChange={(e) => setMonth(e.target.value)} className={cn(INPUT, "mt-1")}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextAreaField id="adj-reason" label="Reason" errors={fields.reason} value={reason} onChange={setReason} />
        <DialogFormFooter error={error} pending={pending} submitLabel="Book adjustment" pendingLabel="Booking…" />
      </form>
    </Dialog>
  );
}
