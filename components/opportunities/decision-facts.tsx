// The input facts a route decision was made on, as stored with it: what the rules actually saw,
// which may differ from the deal today (sticky ownership, grandfathered rule sets).
import { formatDateTime, formatMoney, humanize } from "@/lib/format";
import { FIELD_CATALOGUE } from "@/lib/rules/fields";

/** A fact's name as the rules editor shows it ("regionDirectPresence" → its catalogue label). */
const label = (key: string) => (FIELD_CATALOGUE as Record<string, { label: string } | undefined>)[key]?.label ?? key;

function show(key: string, value: unknown, currency: string, partnerName: string | null): string {
  if (value === null || value === undefined || value === "") return "—";
  // the partner fact is an id: the deal's partner by name, any other (a partner since replaced) as such
  if (key === "partnerId") return partnerName ?? "A partner no longer on the deal";
  if (key === "acv" && typeof value === "number") return formatMoney(value, currency);
  if (key === "at" && typeof value === "string") return formatDateTime(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && /^[A-Z][A-Z0-9_]*$/.test(value) && value.length > 3) return humanize(value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function DecisionFacts({
  facts,
  partner,
}: {
  facts: unknown;
  /** The deal's partner now, to name the partner fact by. */
  partner: { id: string; name: string } | null;
}) {
  if (!facts || typeof facts !== "object" || Array.isArray(facts)) return null;
  const entries = Object.entries(facts as Record<string, unknown>);
  if (entries.length === 0) return null;
  const stated = (facts as { currency?: unknown }).currency;
  const currency = typeof stated === "string" && /^[A-Z]{3}$/.test(stated) ? stated : "USD";
  return (
    <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Facts the rules saw ({entries.length})</summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
        {entries.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3 border-b border-slate-100 py-1">
            <dt className="text-xs text-slate-500">{label(k)}</dt>
            <dd className="text-right text-slate-800">
              {show(k, v, currency, partner && v === partner.id ? partner.name : null)}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
