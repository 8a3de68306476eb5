// Published versions of the RoE with their windows and change notes. Drafts are internal to the
// vendor: the data layer already hides them from partners, and this list filters them again so a
// staff caller reusing it can never show one either.
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";

export type PublishedVersion = {
  id: string;
  version: number;
  status: string;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
  changeNote: string;
};

function windowLabel(
  v: PublishedVersion,
  inForceId: string | null,
  now: Date,
): { text: string; tone: "green" | "amber" | "slate" } {
  if (v.id === inForceId) return { text: `In force since ${formatDate(v.effectiveFrom)}`, tone: "green" };
  if (v.effectiveFrom && v.effectiveFrom > now)
    return { text: `Takes effect ${formatDate(v.effectiveFrom)}`, tone: "amber" };
  return {
    text: v.effectiveTo
      ? `From ${formatDate(v.effectiveFrom)} until ${formatDate(v.effectiveTo)}`
      : `From ${formatDate(v.effectiveFrom)}`,
    tone: "slate",
  };
}

export function VersionHistory({
  versions,
  inForceId,
  now,
}: {
  versions: PublishedVersion[];
  inForceId: string | null;
  now: Date;
}) {
  const published = versions
    .filter((v) => v.status !== "DRAFT" && v.effectiveFrom !== null)
    .sort((a, b) => b.version - a.version);
  if (published.length === 0) return <p className="text-sm text-slate-600">No version has been published yet.</p>;
  return (
    <ol className="space-y-4">
      {published.map((v) => {
        const w = windowLabel(v, inForceId, now);
        return (
          <li key={v.id} className="border-l-2 border-slate-200 pl-3">
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
              Version {v.version} <Badge tone={w.tone}>{w.text}</Badge>
            </p>
            <p className="mt-1 whitespace-pre-wrap text-sm text-slate-600">{v.changeNote || "No change note."}</p>
          </li>
        );
      })}
    </ol>
  );
}
