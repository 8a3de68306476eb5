"use client";
// The deal page's controls (lib/db/opportunity-writes.ts): move the stage, close won or lost (a
// lost deal needs its reason), accept a route the rules flagged (channel operations), and record a
// partner touch. Every one confirms first and shows the server's refusal in place.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { acceptFlaggedRouteAction, addPartnerTouchAction, moveStageAction } from "@/lib/actions/opportunities";
import type { ActionResult } from "@/lib/actions/define-action";
import { humanize } from "@/lib/format";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { TOUCH_KINDS } from "@/lib/validation/opportunities";
import { Button } from "@/components/ui/button";
import { ConfirmButton, type ConfirmOutcome } from "@/components/ui/confirm";
import { Field, FormAlert, INPUT } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";

function outcomeOf<T>(res: ActionResult<T> | null, field?: string): ConfirmOutcome {
  if (!res) return { ok: false, message: UNREACHABLE };
  if (!res.ok) return { ok: false, message: (field && res.fieldErrors?.[field]?.join(" ")) || res.message };
  return { ok: true };
}

export function StageControls({ id, stage }: { id: string; stage: string }) {
  const router = useRouter();
  const later = OPEN_STAGES.filter((s) => OPEN_STAGES.indexOf(s) > OPEN_STAGES.indexOf(stage as never));
  const [next, setNext] = useState<string>(later[0] ?? "");
  const [lostReason, setLostReason] = useState("");

  const move = (to: string, reason?: string) => async (): Promise<ConfirmOutcome> => {
    const res = await moveStageAction({ id, fields: { stage: to, expectedStage: stage, lostReason: reason } }).catch(
      () => null,
    );
    const outcome = outcomeOf(res, "lostReason");
    if (outcome && outcome.ok) router.refresh();
    return outcome;
  };

  return (
    <div className="flex flex-wrap items-end gap-2">
      {later.length > 0 && (
        <>
          <Field id="next-stage" label="Next stage" compact>
            {(a) => (
              <select {...a} className={`${INPUT} mt-1 py-1.5`} value={next} onChange={(e) => setNext(e.target.value)}>
                {later.map((s) => (
                  <option key={s} value={s}>
                    {humanize(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ConfirmButton
            label="Move stage"
            title={`Move the deal to ${humanize(next)}?`}
            description={`From ${humanize(stage)} to ${humanize(next)}. The move is recorded on the deal's timeline.`}
            confirmLabel="Move"
            pendingLabel="Moving…"
            confirmVariant="primary"
            onConfirm={move(next)}
          />
        </>
      )}
      <ConfirmButton
        label="Close won"
        title="Close this deal as won?"
        description="A closed deal takes no more changes; attribution becomes final."
        confirmLabel="Close won"
        pendingLabel="Closing…"
        confirmVariant="primary"
        onConfirm={move("CLOSED_WON")}
      />
      <ConfirmButton
        label="Close lost"
        title="Close this deal as lost?"
        description="Say why it was lost; the reason stays on the deal's timeline."
        confirmLabel="Close lost"
        pendingLabel="Closing…"
        onConfirm={move("CLOSED_LOST", lostReason)}
        onOpenChange={(open) => !open && setLostReason("")}
      >
        <Field id="lost-reason" label="Why was it lost?">
          {(a) => (
            <textarea
              {...a}
              rows={3}
              maxLength={2000}
              className={`${INPUT} mt-1`}
              value={lostReason}
              onChange={(e) => setLostReason(e.target.value)}
            />
          )}
        </Field>
      </ConfirmButton>
    </div>
  );
}

export function AcceptRouteButton({ id, from, to }: { id: string; from: string; to: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Accept new route"
      title={`Move this deal to ${humanize(to)}?`}
      description={`The deal leaves ${humanize(from)} for ${humanize(to)}, with the decision that flagged it. The re-route is audited and the AE is told.`}
      confirmLabel="Accept new route"
      pendingLabel="Re-routing…"
      confirmVariant="primary"
      onConfirm={async () => {
        const outcome = outcomeOf(await acceptFlaggedRouteAction({ id }).catch(() => null));
        if (outcome && outcome.ok) router.refresh();
        return outcome;
      }}
    />
  );
}

export function AddTouchForm({ id, partners }: { id: string; partners: { id: string; name: string }[] }) {
  const router = useRouter();
  const [partnerId, setPartnerId] = useState("");
  const [kind, setKind] = useState<string>(TOUCH_KINDS[0]);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setAlert(null);
    const res = await addPartnerTouchAction({ id, fields: { partnerId, kind, note } }).catch(() => null);
    setPending(false);
    if (!res) return setAlert(UNREACHABLE);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setAlert(res.message);
    }
    setErrors({});
    setPartnerId("");
    setNote("");
    router.refresh();
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Record a partner touch"
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
    >
      <Field id="touch-partner" label="Partner" errors={errors.partnerId} compact>
        {(a) => (
          <select
            {...a}
            className={`${INPUT} mt-1 py-1.5`}
            value={partnerId}
            onChange={(e) => setPartnerId(e.target.value)}
          >
            <option value="">Pick the partner</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="touch-kind" label="What they did" errors={errors.kind} compact>
        {(a) => (
          <select {...a} className={`${INPUT} mt-1 py-1.5`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {TOUCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="touch-note" label="Note" errors={errors.note} optional compact>
        {(a) => (
          <input
            {...a}
            className={`${INPUT} mt-1 py-1.5`}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <FormAlert message={alert} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Recording…" : "Record touch"}
      </Button>
    </form>
  );
}
