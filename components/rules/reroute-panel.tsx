"use client";
// The explicit re-route (lib/actions/rule-sets.ts, lib/db/reroute.ts): open deals keep their route
// until an admin re-routes them under the rule set in force. Preview first (nothing written), then
// apply behind a confirmation.
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/field";
import { rerouteAction } from "@/lib/actions/rule-sets";
import { formatNumber } from "@/lib/format";
import type { RerouteSummary } from "@/lib/db/reroute";
import { useAction } from "@/components/ui/use-action";

export function ReroutePanel() {
  const [preview, setPreview] = useState<RerouteSummary | null>(null);
  const [applied, setApplied] = useState<RerouteSummary | null>(null);
  const { pending, error, run } = useAction();

  async function previewReroute() {
    const res = await run(() => rerouteAction({ apply: false }));
    if (res) setPreview(res.data);
  }

  async function applyReroute() {
    const res = await rerouteAction({ apply: true });
    if (!res.ok) return res;
    setApplied(res.data);
  }

  const shown = applied ?? preview;
  return (
    <Card title="Re-route open deals">
      <p className="text-sm text-slate-700">
        Publishing never moves existing deals: each keeps the route it got at its claim. Re-routing re-evaluates the
        open deals under this version; deals a partner is driving keep their route and are flagged for review.
      </p>
      <div className="mt-3 flex gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={previewReroute}>
          {pending ? "Evaluating…" : "Preview re-route"}
        </Button>
        {preview && !applied && preview.moved > 0 && (
          <ConfirmButton
            label={`Re-route ${formatNumber(preview.moved)} deals`}
            triggerVariant="primary"
            disabled={pending}
            title={`Re-route ${formatNumber(preview.moved)} open deals now?`}
            description="Each change is recorded and audited."
            confirmLabel="Re-route"
            confirmVariant="primary"
            pendingLabel="Re-routing…"
            onConfirm={applyReroute}
          />
        )}
      </div>
      <FormAlert message={error} className="mt-3" />
      {shown && (
        <div role="status" className="mt-4 text-sm text-slate-800">
          <p>
            {applied ? "Re-routed" : "Would re-route"} <strong>{formatNumber(shown.moved)}</strong> of{" "}
            {formatNumber(shown.evaluated)} open deals under v{shown.ruleSetVersion}; {formatNumber(shown.keptSticky)}{" "}
            kept by sticky ownership (flagged for review), {formatNumber(shown.unchanged)} unchanged.
          </p>
          {Object.keys(shown.changes).length > 0 && (
            <ul className="mt-2 list-inside list-disc text-slate-700">
              {Object.entries(shown.changes).map(([change, count]) => (
                <li key={change}>
                  {change.replace(/_/g, " ").toLowerCase()}: {formatNumber(count)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
