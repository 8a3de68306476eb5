"use client";
// "Which route would this deal get, and why?" beside the registration form (docs/domain.md#rules-of-engagement, docs/domain.md#deal-registration): the
// same rules the submission will apply, so the partner is not surprised by the route afterwards.
import { previewRouteAction } from "@/lib/actions/route-preview";
import { RouteBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TraceList } from "@/components/rules/trace-list";
import { formatNumber } from "@/lib/format";
import { useDebouncedAction } from "./use-debounced-action";

export type RoutePreviewInput = {
  accountName?: string;
  accountDomain?: string;
  country: string;
  vertical: string;
  productLine: string;
  estimatedAcv: number;
};

const LEAD: Record<string, string> = {
  PARTNER: "Your company leads",
  AE: "The vendor's account executive leads",
  AE_AND_PARTNER: "Joint lead: account executive and your company",
};

export function RoutePreview({ input }: { input: RoutePreviewInput | null }) {
  const { result, loading } = useDebouncedAction(input, previewRouteAction);
  return (
    <Card title="Expected route" className="lg:sticky lg:top-6">
      <div aria-live="polite" aria-busy={loading} className="space-y-3 text-sm">
        {input === null ? (
          <p className="text-slate-600">
            Choose the country, industry and product line and enter the estimated ACV to see which route this deal would
            take, and why.
          </p>
        ) : loading ? (
          <p className="text-slate-500">Working out the route…</p>
        ) : result && !result.ok ? (
          <p className="text-red-700">{result.message}</p>
        ) : result && result.ok ? (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <RouteBadge route={result.data.route} />
              <span className="text-slate-600">{LEAD[result.data.leadRole] ?? ""}</span>
            </div>
            <p className="font-medium text-slate-900">
              {result.data.rulePriority !== null && result.data.ruleName
                ? `Rule ${result.data.rulePriority}: ${result.data.ruleName}`
                : "Default outcome (no rule matched)"}
            </p>
            {result.data.rationale && <p className="text-slate-700">{result.data.rationale}</p>}
            <p className="text-slate-700">
              {result.data.protectionDays ? (
                <>
                  Protection: <strong>{formatNumber(result.data.protectionDays)} days</strong> from approval.
                </>
              ) : (
                "This route gives no protection period."
              )}
            </p>
            {/* native disclosure: keyboard and screen-reader support without extra code */}
            <details className="group rounded-md border border-slate-200">
              <summary className="cursor-pointer select-none px-3 py-2 font-medium text-brand-700 hover:bg-slate-50">
                Why this route?
              </summary>
              <div className="border-t border-slate-200 p-3">
                <p className="mb-2 text-xs text-slate-500">
                  Every rule tried, in priority order; the first that matches decides.
                </p>
                <TraceList trace={result.data.trace} />
              </div>
            </details>
            <p className="text-xs text-slate-500">
              Rules of engagement version {result.data.ruleSetVersion}. The route is confirmed when you submit.
            </p>
          </>
        ) : null}
      </div>
    </Card>
  );
}
