"use client";
// Staff actions on an MDF request (lib/actions/mdf.ts): a partner manager or channel operations
// approve (confirmed) or reject with a reason; channel operations mark a claim paid (confirmed).
import { useRouter } from "next/navigation";
import { decideMdfAction, payMdfAction } from "@/lib/actions/mdf";
import { ConfirmButton } from "@/components/ui/confirm";
import { ReasonDialog } from "@/components/ui/reason-dialog";

type Props = { id: string; label: string; status: string; canDecide: boolean; canPay: boolean };

export function MdfDecideActions({ id, label, status, canDecide, canPay }: Props) {
  const router = useRouter();
  if (status === "REQUESTED" && canDecide)
    return (
      <div className="flex flex-wrap justify-end gap-2">
        <ConfirmButton
          label="Approve"
          triggerVariant="primary"
          triggerAriaLabel={`Approve ${label}`}
          title={`Approve ${label}?`}
          description="The partner may run the activity and claim the amount with proof."
          confirmLabel="Approve"
          pendingLabel="Approving…"
          confirmVariant="primary"
          onConfirm={async () => {
            const res = await decideMdfAction({ requestId: id, decision: "approve", reason: "" });
            if (res.ok) router.refresh();
            return res.ok ? { ok: true } : { ok: false, message: res.message };
          }}
        />
        <ReasonDialog
          fieldId={`mdf-reject-${id}`}
          title={`Reject ${label}`}
          description="The partner reads your reason; the amount goes back to the fund."
          triggerLabel="Reject…"
          triggerAriaLabel={`Reject ${label}`}
          minLength={5}
          submitLabel="Reject the request"
          pendingLabel="Rejecting…"
          action={(reason) => decideMdfAction({ requestId: id, decision: "reject", reason })}
          onDone={() => router.refresh()}
        />
      </div>
    );
  if (status === "CLAIMED" && canPay)
    return (
      <ConfirmButton
        label="Mark paid"
        triggerVariant="primary"
        triggerAriaLabel={`Mark ${label} paid`}
        title={`Mark ${label} paid?`}
        description="The amount moves from committed to spent on the fund and the partner is told."
        confirmLabel="Mark paid"
        pendingLabel="Saving…"
        confirmVariant="primary"
        onConfirm={async () => {
          const res = await payMdfAction({ requestId: id });
          if (res.ok) router.refresh();
          return res.ok ? { ok: true } : { ok: false, message: res.message };
        }}
      />
    );
  return null;
}
