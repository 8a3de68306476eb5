"use client";
// Confirm or dismiss one tier proposal (channel operations). Confirming says when the change takes
// effect: the start of the next quarter, never mid-quarter (lib/db/tier-proposals.ts).
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm";
import { decideTierProposalAction } from "@/lib/actions/tiers";

export function ProposalActions({
  id,
  partnerName,
  change,
  effectiveLabel,
}: {
  id: string;
  partnerName: string;
  /** "Silver → Gold" */
  change: string;
  /** "January 1, 2027 (2027-Q1)" */
  effectiveLabel: string;
}) {
  const router = useRouter();
  const decide = (decision: "confirm" | "dismiss") => async () => {
    const res = await decideTierProposalAction({ id, decision }).catch(() => null);
    if (!res) return { ok: false as const, message: "Could not reach the server. Try again." };
    if (!res.ok) return { ok: false as const, message: res.message };
    router.refresh();
    return { ok: true as const };
  };
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmButton
        label="Confirm"
        triggerVariant="primary"
        triggerAriaLabel={`Confirm ${partnerName}: ${change}`}
        title={`Confirm ${partnerName}: ${change}?`}
        description={`The tier changes on ${effectiveLabel}, the start of the next quarter; margins follow it then, not before.`}
        confirmLabel="Confirm change"
        pendingLabel="Confirming…"
        confirmVariant="primary"
        onConfirm={decide("confirm")}
      />
      <ConfirmButton
        label="Dismiss"
        triggerAriaLabel={`Dismiss ${partnerName}: ${change}`}
        title={`Dismiss ${partnerName}: ${change}?`}
        description="The partner keeps its tier; the next review proposes again from the next quarter's figures."
        confirmLabel="Dismiss proposal"
        pendingLabel="Dismissing…"
        onConfirm={decide("dismiss")}
      />
    </div>
  );
}
