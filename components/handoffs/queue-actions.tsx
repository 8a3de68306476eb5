"use client";
// Channel operations on one deal in the hand-off queue (lib/actions/handoffs.ts): offer it to the
// next partners (a direct lead, or a deal that came back) or withdraw it from the queue.
import { useRouter } from "next/navigation";
import { offerToPartnersAction, withdrawHandoffAction } from "@/lib/actions/handoffs";
import { ConfirmButton } from "@/components/ui/confirm";

export function OfferToPartnersButton({ opportunityId, deal }: { opportunityId: string; deal: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Offer to partners"
      triggerAriaLabel={`Offer ${deal} to partners`}
      title={`Offer ${deal} to partners?`}
      description={
        "The deal goes to the top-ranked partner that serves its region and has not been offered it yet; " +
        "a decline or timeout moves it to the next one, and after 3 offers it comes back here."
      }
      confirmLabel="Offer it"
      pendingLabel="Offering…"
      confirmVariant="primary"
      onConfirm={async () => {
        const res = await offerToPartnersAction({ opportunityId });
        if (res.ok) router.refresh();
        return res.ok ? { ok: true } : { ok: false, message: res.message };
      }}
    />
  );
}

export function WithdrawHandoffButton({ opportunityId, deal }: { opportunityId: string; deal: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Withdraw"
      triggerVariant="ghost"
      triggerAriaLabel={`Withdraw ${deal} from the hand-off queue`}
      title={`Withdraw ${deal}?`}
      description="An open offer is taken back (its partner is told) and the deal leaves the queue."
      confirmLabel="Withdraw"
      pendingLabel="Withdrawing…"
      onConfirm={async () => {
        const res = await withdrawHandoffAction({ opportunityId });
        if (res.ok) router.refresh();
        return res.ok ? { ok: true } : { ok: false, message: res.message };
      }}
    />
  );
}
