"use client";
// The decider's forms on a conflict case: comment, escalate with a reason, resolve with a
// resolution, a rationale, precedent tags and — for a split — the credit per party summing to 100.
// The forms call the server actions of lib/actions/conflicts.ts; the page shows each only when can()
// allows it at the case's level; the server checks again and settles races (409 → reload).
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/define-action";
import { commentOnConflictAction, escalateConflictAction, resolveConflictAction } from "@/lib/actions/conflicts";
import type { ResolveInput } from "@/lib/validation/conflicts";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { Field, FormAlert, INPUT, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useAction } from "@/components/ui/use-action";
import type { FieldErrors } from "@/lib/errors";

export type Party = { id: string; label: string; kind: "PARTNER" | "DIRECT" };

/** Runs an action and keeps its field errors beside its message. */
function useFormAction() {
  const { pending, error, setError, run } = useAction();
  const [fields, setFields] = useState<FieldErrors>({});
  async function submit(action: () => Promise<ActionResult<unknown>>): Promise<boolean> {
    setFields({});
    let fieldErrors: FieldErrors = {};
    const res = await run(async () => {
      const r = await action();
      if (!r.ok) fieldErrors = r.fieldErrors ?? {};
      return r;
    });
    setFields(fieldErrors);
    return res !== null;
  }
  return { pending, error, setError, fields, setFields, submit };
}

export function CommentForm({ id, partnerView }: { id: string; partnerView: boolean }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [done, setDone] = useState(false);
  const f = useFormAction();
  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setDone(false);
    if (await f.submit(() => commentOnConflictAction({ id, body }))) {
      setBody("");
      setDone(true);
      router.refresh();
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-busy={f.pending} className="mt-4 space-y-2">
      <TextAreaField
        id={`comment-${id}`}
        label="Add a comment"
        hint={
          partnerView
            ? "The vendor's team deciding this case reads it."
            : "Partners on this case read comments from the vendor: never name another partner."
        }
        errors={f.fields.body}
        maxLength={5000}
        value={body}
        onChange={setBody}
      />
      <FormAlert message={f.error} />
      <div role="status">{done && <Notice tone="green">Comment posted.</Notice>}</div>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {f.pending ? "Posting…" : "Post comment"}
      </Button>
    </form>
  );
}

export function EscalateButton({ id, level }: { id: string; level: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const f = useFormAction();
  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (await f.submit(() => escalateConflictAction({ id, reason, expectedLevel: level }))) {
      setOpen(false);
      setReason("");
      router.refresh();
    }
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) f.setError(null);
      }}
      trigger={<Button variant="secondary">Escalate to level {level + 1}</Button>}
      title={`Escalate to level ${level + 1}`}
      description="The case moves up one level with a new SLA; the deciders there are notified."
    >
      <form onSubmit={onSubmit} noValidate aria-busy={f.pending} className="mt-4 space-y-4">
        <TextAreaField
          id={`escalate-${id}-reason`}
          label="Reason"
          errors={f.fields.reason}
          maxLength={2000}
          value={reason}
          onChange={setReason}
          placeholder="e.g. The AE and the partner manager disagree on who sourced the deal."
        />
        <DialogFormFooter error={f.error} pending={f.pending} submitLabel="Escalate" pendingLabel="Escalating…" />
      </form>
    </Dialog>
  );
}

const RESOLUTION_CHOICES = [
  { value: "AWARD_PARTNER", label: "Award to a partner" },
  { value: "AWARD_DIRECT", label: "Award to the direct team" },
  { value: "SPLIT", label: "Split the credit" },
  { value: "CO_SELL", label: "Co-sell" },
  { value: "DISMISSED", label: "Dismiss" },
] as const;

/** The sum of the entered credits, and a message when it is not exactly 100. */
function splitTotal(credits: Record<string, string>, parties: Party[]): { total: number; error?: string } {
  const total = parties.reduce((a, p) => a + (Number(credits[p.id]) || 0), 0);
  const rounded = Math.round(total * 100) / 100;
  return rounded === 100
    ? { total: rounded }
    : { total: rounded, error: `The credits must sum to 100% (now ${rounded}%).` };
}

export function ResolveButton({ id, level, parties }: { id: string; level: number; parties: Party[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [resolution, setResolution] = useState<ResolveInput["resolution"] | "">("");
  const [rationale, setRationale] = useState("");
  const [tags, setTags] = useState("");
  const partners = parties.filter((p) => p.kind === "PARTNER");
  const [winner, setWinner] = useState(partners[0]?.id ?? "");
  const [credits, setCredits] = useState<Record<string, string>>(() =>
    Object.fromEntries(parties.map((p) => [p.id, String(Math.floor(100 / Math.max(parties.length, 1)))])),
  );
  const f = useFormAction();
  const split = splitTotal(credits, parties);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!resolution) return f.setFields({ resolution: ["Choose a resolution"] });
    if (resolution === "SPLIT" && split.error) return f.setFields({ splits: [split.error] });
    const input = {
      id,
      resolution: resolution as ResolveInput["resolution"],
      rationale,
      tags: tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      winnerPartyId: resolution === "AWARD_PARTNER" ? winner : null,
      splits:
        resolution === "SPLIT" ? parties.map((p) => ({ partyId: p.id, creditPct: Number(credits[p.id]) || 0 })) : null,
      expectedLevel: level,
    };
    if (await f.submit(() => resolveConflictAction(input))) {
      setOpen(false);
      router.refresh();
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) f.setError(null);
      }}
      width="lg"
      trigger={<Button>Resolve…</Button>}
      title="Resolve this case"
      description="The decision, its rationale and its effects are recorded together; every party is notified."
    >
      <form onSubmit={onSubmit} noValidate aria-busy={f.pending} className="mt-4 space-y-4">
        <Field id={`resolve-${id}-resolution`} label="Resolution" errors={f.fields.resolution}>
          {(a) => (
            <select
              {...a}
              value={resolution}
              onChange={(e) => setResolution(e.target.value as ResolveInput["resolution"] | "")}
              className={cn(INPUT, "mt-1")}
            >
              <option value="">Choose…</option>
              {RESOLUTION_CHOICES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {resolution === "AWARD_PARTNER" && (
          <Field id={`resolve-${id}-winner`} label="Winning partner" errors={f.fields.winnerPartyId}>
            {(a) => (
              <select {...a} value={winner} onChange={(e) => setWinner(e.target.value)} className={cn(INPUT, "mt-1")}>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {resolution === "SPLIT" && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Credit per party (%)</legend>
            {parties.map((p, i) => (
              <Field
                key={p.id}
                id={`resolve-${id}-split-${i}`}
                label={p.label}
                errors={f.fields[`splits.${i}.creditPct`]}
                className="grid grid-cols-[1fr_7rem] items-center gap-x-3"
              >
                {(a) => (
                  <input
                    {...a}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    value={credits[p.id] ?? ""}
                    onChange={(e) => setCredits((c) => ({ ...c, [p.id]: e.target.value }))}
                    className={cn(INPUT, "text-right")}
                  />
                )}
              </Field>
            ))}
            <p
              id={`resolve-${id}-split-total`}
              aria-live="polite"
              className={cn("text-sm font-medium", split.error ? "text-red-700" : "text-emerald-700")}
            >
              Total: {split.total}%{split.error ? ` — ${split.error}` : ""}
            </p>
            {f.fields.splits && <p className="text-xs font-medium text-red-700">{f.fields.splits.join(" ")}</p>}
          </fieldset>
        )}
        <TextAreaField
          id={`resolve-${id}-rationale`}
          label="Rationale"
          hint="Every party reads it, partners included: never name another partner."
          errors={f.fields.rationale}
          rows={4}
          maxLength={5000}
          value={rationale}
          onChange={setRationale}
        />
        <Field
          id={`resolve-${id}-tags`}
          label="Precedent tags"
          optional
          hint="Comma separated, e.g. first-to-register, named-account"
          errors={f.fields.tags}
        >
          {(a) => <input {...a} value={tags} onChange={(e) => setTags(e.target.value)} className={cn(INPUT, "mt-1")} />}
        </Field>
        <DialogFormFooter error={f.error} pending={f.pending} submitLabel="Resolve" pendingLabel="Resolving…" />
      </form>
    </Dialog>
  );
}
