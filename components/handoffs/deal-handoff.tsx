// The hand-off state on a deal's page (docs/domain.md#hand-offs): where the deal stands in the
// queue, who it is offered to and until when, and for channel operations "Offer to partners" on an
// open deal without a partner (a direct lead, or a deal that came back). Staff who read the queue only.
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import { findHandoffQueueOf } from "@/lib/db/handoffs";
import { formatDateTime } from "@/lib/format";
import { MAX_OFFERS_PER_ROUND } from "@/lib/handoffs/next-step";
import { isOpenStage } from "@/lib/opportunities/stages";
import type { Stage } from "@/lib/rules/values";
import { OfferToPartnersButton, WithdrawHandoffButton } from "./queue-actions";

export async function DealHandoff({
  ctx,
  opp,
}: {
  ctx: Ctx;
  opp: { id: string; name: string; stage: Stage; partnerId: string | null };
}) {
  if (!can(ctx, "handoff:read-stats")) return null;
  const queue = await findHandoffQueueOf(ctx, opp.id);
  const manage = can(ctx, "handoff:manage") && isOpenStage(opp.stage);
  const canOffer = manage && !opp.partnerId && queue?.state !== "OFFERED" && queue?.state !== "ACCEPTED";
  if (!queue && !canOffer) return null;
  const last = queue?.handoffs[0];
  return (
    <Card title="Hand-off">
      {queue ? (
        <div className="space-y-1 text-sm text-slate-700">
          <p>
            <StatusBadge status={queue.state} />{" "}
            {last ? (
              <>
                {last.status === "OFFERED" ? "Offered to" : "Last offered to"} <strong>{last.partner.name}</strong>{" "}
                (offer {last.offerNumber} of {MAX_OFFERS_PER_ROUND})
              </>
            ) : null}
          </p>
          {last?.status === "OFFERED" && (
            <p>
              Answer due {formatDateTime(last.dueAt)}{" "}
              {last.dueAt <= new Date() ? <Badge tone="red">Overdue</Badge> : null}
            </p>
          )}
          {queue.note && <p className="text-slate-600">{queue.note}</p>}
          <p>
            <Link href={`/handoffs?q=${encodeURIComponent(opp.name)}`} className="text-brand-700 hover:underline">
              See it in the hand-off queue
            </Link>
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          This deal has no partner. Offer it to the partners that serve its region.
        </p>
      )}
      {manage && (canOffer || (queue && queue.state !== "ACCEPTED" && queue.state !== "WITHDRAWN")) && (
        <div className="mt-3 flex flex-wrap gap-2">
          {canOffer && <OfferToPartnersButton opportunityId={opp.id} deal={opp.name} />}
          {queue && queue.state !== "ACCEPTED" && queue.state !== "WITHDRAWN" && (
            <WithdrawHandoffButton opportunityId={opp.id} deal={opp.name} />
          )}
        </div>
      )}
    </Card>
  );
}
