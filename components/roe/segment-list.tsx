// "Who leads where": each segment in plain words with the route a typical deal in it gets.
import type { SegmentView } from "@/lib/db/segments";
import type { Decision } from "@/lib/rules";
import { RouteBadge } from "@/components/ui/badge";
import { dollarsText } from "@/lib/rules/value-text";
import { humanize } from "@/lib/format";
import { leadText, oxford, protectionText } from "./plain-language";

const KIND: Record<string, string> = { CORE: "Core product", ADDON: "Add-ons", SERVICES: "Services" };

function criteriaPhrases(s: SegmentView): string[] {
  const c = s.criteria;
  const out: string[] = [];
  if (c.acvMinCents !== undefined && c.acvMaxCents !== undefined)
    out.push(`ACV ${dollarsText(c.acvMinCents)} to under ${dollarsText(c.acvMaxCents)}`);
  else if (c.acvMaxCents !== undefined) out.push(`ACV under ${dollarsText(c.acvMaxCents)}`);
  else if (c.acvMinCents !== undefined) out.push(`ACV ${dollarsText(c.acvMinCents)} and above`);
  if (c.verticals?.length) out.push(oxford(c.verticals.map(humanize), "or"));
  if (s.regions.length)
    out.push(
      oxford(
        s.regions.map((r) => r.name),
        "or",
      ),
    );
  else if (c.regions?.length) out.push(oxford(c.regions, "or"));
  if (c.productKinds?.length)
    out.push(
      oxford(
        c.productKinds.map((k) => KIND[k] ?? humanize(k)),
        "or",
      ),
    );
  if (c.accountTiers?.length) out.push(`${oxford(c.accountTiers.map(humanize), "or")} accounts`);
  return out;
}

export function SegmentList({ segments }: { segments: { segment: SegmentView; decision: Decision }[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {segments.map(({ segment, decision }) => (
        <li key={segment.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">{segment.name}</p>
            <p className="text-sm text-slate-600">{segment.description}</p>
            <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Segment criteria">
              {criteriaPhrases(segment).map((p) => (
                <li key={p} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                  {p}
                </li>
              ))}
            </ul>
          </div>
          <div className="text-sm sm:w-60 sm:shrink-0 sm:text-right">
            <RouteBadge route={decision.route} />
            <p className="mt-1 text-xs text-slate-600">
              Led by {leadText(decision.leadRole)}, {protectionText(decision.protectionDays)}
            </p>
            <p className="text-xs text-slate-500">
              {decision.ruleName ? `Rule ${decision.rulePriority}: ${decision.ruleName}` : "Default outcome"}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
