// What deactivating a partner leaves standing (lib/db/admin-partners.ts deactivationImpact): its
// active claims and open hand-offs, counted and linked, and what happens to each. Nothing is
// released by the status change itself.
import Link from "next/link";
import type { DeactivationImpact } from "@/lib/db/admin-partners";
import { formatRelative, humanize } from "@/lib/format";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function DeactivationImpactPanel({
  partnerId,
  impact,
  now,
}: {
  partnerId: string;
  impact: DeactivationImpact;
  now: Date;
}) {
  const more = (shown: number, total: number) => (total > shown ? ` (the first ${shown} of ${total})` : "");
  return (
    <section
      aria-labelledby="deactivation-impact"
      className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="deactivation-impact" className="font-semibold">
        Before you deactivate: {plural(impact.activeClaims, "active claim", "active claims")} and{" "}
        {plural(impact.openHandoffs, "open hand-off", "open hand-offs")}
      </h2>
      <p>
        Deactivating releases nothing by itself. Its registrations keep protecting their deals until their protection
        ends or channel operations release them one by one; open hand-off offers stay with the partner until they are
        answered, expire or are withdrawn from the hand-off queue.
      </p>
      <div>
        <h3 className="font-medium">
          Active claims: {impact.activeClaims}
          {more(impact.claims.length, impact.activeClaims)} · see{" "}
          <Link href={`/registrations?partnerId=${partnerId}&status=APPROVED`} className="text-brand-700 underline">
            approved
          </Link>{" "}
          and{" "}
          <Link href={`/registrations?partnerId=${partnerId}&status=SUBMITTED`} className="text-brand-700 underline">
            awaiting review
          </Link>
        </h3>
        {impact.claims.length === 0 ? (
          <p className="text-amber-900">None.</p>
        ) : (
          <ul className="mt-1 list-disc pl-5">
            {impact.claims.map((c) => (
              <li key={c.id}>
                <Link href={`/registrations/${c.id}`} className="text-brand-700 underline">
                  {c.accountName}, {c.productLine.name}
                </Link>{" "}
                — {c.status === "SUBMITTED" ? "awaiting review" : humanize(c.status).toLowerCase()}
                {c.protectedUntil && `, protection ends ${formatRelative(c.protectedUntil, now)}`}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-medium">
          Open hand-offs: {impact.openHandoffs}
          {more(impact.handoffs.length, impact.openHandoffs)} · see{" "}
          <Link href={`/handoffs/offers?partnerId=${partnerId}&status=OFFERED`} className="text-brand-700 underline">
            all open offers
          </Link>
        </h3>
        {impact.handoffs.length === 0 ? (
          <p className="text-amber-900">None.</p>
        ) : (
          <ul className="mt-1 list-disc pl-5">
            {impact.handoffs.map((h) => (
              <li key={h.id}>
                <Link href={`/opportunities/${h.opportunity.id}`} className="text-brand-700 underline">
                  {h.opportunity.name}
                </Link>{" "}
                — answer due {formatRelative(h.dueAt, now)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
