"use client";
// A partner's answer to a hand-off offer (lib/actions/handoffs.ts): accept (confirmed), or decline
// with a reason in a dialog. The server re-checks everything: an offer answered, expired or
// withdrawn meanwhile comes back as a refusal shown here.
import { useRouter } from "next/navigation";
import { acceptHandoffAction, declineOfferAction } from "@/lib/actions/handoffs";
import { ConfirmButton } from "@/components/ui/confirm";
import { ReasonDialog } from "@/components/ui/reason-dialog";

export function OfferActions({ id, account }: { id: string; account: string }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <ConfirmButton
        label="Accept"
        triggerVariant="primary"
        triggerAriaLabel={`Accept the offer for ${account}`}
        title={`Accept ${account}?`}
        description="The deal becomes yours: you are attached to it as its partner and your claim on the account is protected."
        confirmLabel="Accept the deal"
        pendingLabel="Accepting…"
        confirmVariant="primary"
        onConfirm={async () => {
          const res = await acceptHandoffAction({ id });
          if (res.ok) router.refresh();
          return res.ok ? { ok: true } : { ok: false, message: res.message };
        }}
      />
      <ReasonDialog
        fieldId={`decline-${id}-reason`}
        title={`Decline ${account}`}
        description="Tell channel operations why, so they can find the right partner."
        triggerLabel="Decline…"
        triggerAriaLabel={`Decline the offer for ${account}`}
        minLength={3}
        submitLabel="Decline the offer"
        pendingLabel="Declining…"
        action={(reason) => declineOfferAction({ id, reason })}
        onDone={() => router.refresh()}
      />
    </div>
  );
}
