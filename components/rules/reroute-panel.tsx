"use client";
// The explicit re-route (docs/domain.md#rules-of-engagement): open deals keep their route until an admin re-routes them
// under the rule set in force. Preview first (nothing written), then apply with a confirmation.
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { rerouteAction } from "@/lib/actions/rule-sets";
import { formatNumber } from "@/lib/format";
import type { RerouteSummary } from "@/lib/db/reroute";

export function ReroutePanel() {
  const [preview, setPreview] = useState<RerouteSummary | null>(null);
  const [applied, setApplied] = useState<RerouteSummary | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(apply: boolean) {
    if (apply && !window.confirm(`Re-route ${preview?.moved ?? 0} open deals now? Each change is recorded and audited.`)) return;
    setPending(true);
    setError(null);
    const res = await rerouteAction({ apply });
    setPending(false);
    if (!res.ok) return setError(res.message);
    if (apply) setApplied(res.data);
    else setPreview(res.data);
  }

  const shown = applied ?? preview;
  return (
    <Card title="Re-route open deals">
      <p className="text-sm text-slate-700">
        Publishing never moves existing deals: each keeps the route it got at its claim. Re-routing re-evaluates the open deals under this version; deals a partner is driving keep their route and are flagged for review.
      </p>
      <div className="mt-3 flex gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(false)}>{pending && !preview ? "Evaluating…" : "Preview re-route"}</Button>
        {preview && !applied && preview.moved > 0 && <Button type="button" disabled={pending} onClick={() => run(true)}>{pending ? "Re-routing…" : `Re-route ${formatNumber(preview.moved)} deals`}</Button>}
      </div>
      {error && <p role="alert" className="mt-3 text-sm text-red-700">{error}</p>}
      {shown && (
        <div role="status" className="mt-4 text-sm text-slate-800">
          <p>
            {applied ? "Re-routed" : "Would re-route"} <strong>{formatNumber(shown.moved)}</strong> of {formatNumber(shown.evaluated)} open deals under v{shown.ruleSetVersion};{" "}
            {formatNumber(shown.keptSticky)} kept by sticky ownership (flagged for review), {formatNumber(shown.unchanged)} unchanged.
          </p>
          {Object.keys(shown.changes).length > 0 && (
            <ul className="mt-2 list-inside list-disc text-slate-700">
              {Object.entries(shown.changes).map(([change, count]) => (
                <li key={change}>{change.replace(/_/g, " ").toLowerCase()}: {formatNumber(count)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
