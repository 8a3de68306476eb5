"use client";
// Editing one corridor cell (channel operations): the maximum discount %, 0–100 with at most two
// decimals, checked again by the server (lib/validation/pricing.ts). The value the editor saw goes
// with it, so an edit made meanwhile by someone else answers 409 instead of being overwritten.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveCorridorAction } from "@/lib/actions/pricing";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogFormFooter } from "@/components/ui/dialog";
import { Field, INPUT } from "@/components/ui/field";
import type { Route } from "@/lib/rules/values";

export function CorridorDialog({
  productLine,
  route,
  routeLabel,
  current,
}: {
  productLine: { id: string; name: string };
  route: Route;
  routeLabel: string;
  current: number | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(current === null ? "" : String(current));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const id = `corridor-${productLine.id}-${route}`;

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFields({});
    const res = await saveCorridorAction({
      productLineId: productLine.id,
      route,
      maxDiscountPct: value.trim() === "" ? undefined : value,
      expectedMaxPct: current,
    }).catch(() => null);
    setPending(false);
    if (!res) return setError("Could not reach the server. Nothing was saved; try again.");
    if (!res.ok) {
      setFields(res.fieldErrors ?? {});
      return setError(res.fieldErrors?.maxDiscountPct ? null : res.message);
    }
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setValue(current === null ? "" : String(current));
          setError(null);
          setFields({});
        }
      }}
      trigger={
        <Button
          variant="link"
          aria-label={`${current === null ? "Set" : "Edit"} ${productLine.name} ${routeLabel} corridor`}
        >
          {current === null ? "Set" : "Edit"}
        </Button>
      }
      title={`${productLine.name} × ${routeLabel}`}
      description={
        "The deepest discount a deal of this product line on this route may carry. " +
        "Deals beyond it are flagged, and won ones count as discount leakage."
      }
    >
      <form onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-4 space-y-4">
        <Field
          id={id}
          label="Maximum discount (%)"
          hint={current === null ? "No corridor yet: deals here are not checked." : `Now ${current}%.`}
          errors={fields.maxDiscountPct}
        >
          {(a) => (
            <input
              {...a}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step={0.01}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              className={cn(INPUT, "mt-1")}
            />
          )}
        </Field>
        <DialogFormFooter error={error} pending={pending} submitLabel="Save corridor" pendingLabel="Saving…" />
      </form>
    </Dialog>
  );
}
