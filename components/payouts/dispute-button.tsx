"use client";
// "Dispute attribution" on a closed deal (docs/domain.md#attribution-and-pay): opens an
// ATTRIBUTION_DISPUTE case with the evidence, then goes to the case. A deal already in an open case
// answers 409 naming it; the dialog links there.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { openAttributionDisputeAction } from "@/lib/actions/payouts";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";

export function DisputeButton({
  opportunityId,
  dealName,
  casePath,
}: {
  opportunityId: string;
  dealName: string;
  /** "/conflicts" for staff, "/portal/conflicts" in the portal. */
  casePath: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [evidence, setEvidence] = useState("");
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
    const res = await openAttributionDisputeAction({ opportunityId, evidence }).catch(() => null);
    setPending(false);
    if (!res) return setError("Could not reach the server. Nothing was opened; try again.");
    if (!res.ok) {
      setError(res.message);
      setFields(res.fieldErrors ?? {});
      setExisting(res.fieldErrors?.conflictId?.[0] ?? null);
      return;
    }
    setOpen(false);
    router.push(`${casePath}/${res.data.id}`);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="link" aria-label={`Dispute the attribution of ${dealName}`}>
          Dispute
        </Button>
      }
      title="Dispute this deal's attribution"
      description={`${dealName}: a conflict case opens at level 1; its decision sets the credit, and this statement follows it.`}
    >
      <form onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-4 space-y-4">
        <TextAreaField
          id="dispute-evidence"
          label="Evidence"
          hint="What shows the credit is wrong: meetings, e-mails, who brought the customer."
          errors={fields.evidence}
          rows={5}
          value={evidence}
          onChange={setEvidence}
        />
        {existing && (
          <p className="text-sm">
            <Link href={`${casePath}/${existing}`} className="text-brand-700 hover:underline">
              Open the case already on this deal
            </Link>
          </p>
        )}
        <DialogFormFooter error={error} pending={pending} submitLabel="Open the dispute" pendingLabel="Opening…" />
      </form>
    </Dialog>
  );
}
