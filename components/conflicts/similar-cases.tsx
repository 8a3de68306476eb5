// The resolved cases most like the case on screen (lib/db/conflict-precedents.ts similarCases), for
// the decision screen: outcome, rationale and why each was chosen. A server component: the case
// page loads the list and passes it in.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { SimilarCase } from "@/lib/db/conflict-precedents";
import { formatDate } from "@/lib/format";
import { OutcomeBadge, typeLabel } from "./precedent-parts";

export function SimilarCases({ cases, title = "Similar past cases" }: { cases: SimilarCase[]; title?: string }) {
  return (
    <Card
      title={title}
      action={
        <Link href="/conflicts/precedents" className="text-sm text-brand-700 hover:underline">
          Search all precedents
        </Link>
      }
    >
      {cases.length === 0 ? (
        <p className="text-sm text-slate-600">
          No resolved case shares this case&apos;s type, rule, segment, region, tags or wording yet.
        </p>
      ) : (
        <ol className="space-y-4" aria-label={title}>
          {cases.map((c) => (
            <li key={c.id} className="border-b border-slate-100 pb-4 last:border-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <OutcomeBadge resolution={c.resolution} />
                <span className="text-xs text-slate-500">
                  {typeLabel(c.type)} · level {c.level} · resolved {formatDate(c.resolvedAt)}
                </span>
              </div>
              <Link
                href={`/conflicts/${c.id}`}
                className="mt-1 block text-sm font-medium text-brand-700 hover:underline"
              >
                {c.summary || "Resolved case"}
              </Link>
              <p className="mt-1 text-sm text-slate-700">{c.rationale || "No rationale recorded."}</p>
              <ul className="mt-2 flex flex-wrap gap-1" aria-label="Why this case">
                {c.reasons.map((r) => (
                  <li
                    key={r}
                    className="rounded bg-slate-50 px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200"
                  >
                    {r}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
