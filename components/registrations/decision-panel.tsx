"use client";
// Approve or reject a submitted registration (docs/domain.md#registration-lifecycle). The reason is required either way:
// the partner reads it, and it is the audited why of the transition. The server settles races
// (two reviewers, or another claim already protected) and answers CONFLICT; that is shown as is.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { decideRegistrationAction } from "@/lib/actions/registrations";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/lib/format";
import { cn } from "@/components/ui/cn";
import { Field, FormAlert, INPUT } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Decision = "APPROVE" | "REJECT";
type Props = { id: string; status: string; slaDueAt: string; overdue: boolean };

export function DecisionPanel({ id, status, slaDueAt, overdue }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [pending, setPending] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  // after the refresh the registration is no longer SUBMITTED; this panel stays mounted to keep the outcome on screen
  if (status !== "SUBMITTED" && !outcome && !error) return null;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const decision = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value as
      Decision | undefined;
    if (!decision || pending) return;
    const text = reason.trim();
    if (text.length < 3) {
      setReasonError(["Give a reason the partner can read (at least 3 characters)."]);
      document.getElementById(`decision-${id}-reason`)?.focus();
      return;
    }
    setReasonError(undefined);
    setError(null);
    setPending(decision);
    const res = await decideRegistrationAction({ id, decision, reason: text }).catch(() => null);
    setPending(null);
    if (!res) return setError("Could not reach the server. Nothing was decided; try again.");
    if (!res.ok) {
      setReasonError(res.fieldErrors?.reason);
      setError(res.message);
      // a CONFLICT means the stored state moved on (another reviewer, another claim): show the current one
      if (res.code === "CONFLICT") router.refresh();
      return;
    }
    setOutcome(
      res.data.status !== "REJECTED"
        ? `Approved, and its opportunity created. ${
            res.data.protectedUntil
              ? `The partner's protection runs until ` + `${formatDate(res.data.protectedUntil)}.`
              : "This route gives no protection period."
          } The partner has been notified.`
        : "Rejected. The partner has been notified with your reason.",
    );
    router.refresh();
  }

  return (
    <Card
      title="Decision"
      className={overdue && status === "SUBMITTED" ? "mb-6 ring-1 ring-red-200" : "mb-6"}
      action={
        status === "SUBMITTED" ? (
          <p className={overdue ? "text-sm font-medium text-red-700" : "text-sm text-slate-600"}>
            {overdue && (
              <Badge tone="red" className="mr-2">
                Overdue
              </Badge>
            )}
            Due {formatDateTime(slaDueAt)}
          </p>
        ) : undefined
      }
    >
      <div role="status">
        {outcome && (
          <Notice tone="green" className="mb-4">
            {outcome}
          </Notice>
        )}
      </div>
      <FormAlert message={error} className="mb-4" />
      {status === "SUBMITTED" && !outcome && (
        <form onSubmit={onSubmit} noValidate aria-busy={pending !== null} className="space-y-4">
          <Field
            id={`decision-${id}-reason`}
            label="Reason"
            hint={
              <>
                The partner reads this. Check the{" "}
                <a href="#evidence" className="text-brand-700 underline underline-offset-2">
                  evidence
                </a>{" "}
                before deciding.
              </>
            }
            errors={reasonError}
          >
            {(a) => (
              <textarea
                {...a}
                rows={3}
                required
                minLength={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                disabled={pending !== null}
                className={cn(INPUT, "mt-1")}
                placeholder="e.g. Approved: first to register, no direct activity on the account."
              />
            )}
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="submit" name="decision" value="REJECT" variant="danger" disabled={pending !== null}>
              {pending === "REJECT" ? "Rejecting…" : "Reject"}
            </Button>
            <Button type="submit" name="decision" value="APPROVE" disabled={pending !== null}>
              {pending === "APPROVE" ? "Approving…" : "Approve"}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
