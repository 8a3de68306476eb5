// GET /api/v1/audit-events (README "HTTP API"): the audit log for channel operations (an admin API
// key or an ADMIN session), with the audit page's filters and signed cursors; anyone else is 403,
// from the data layer (lib/db/audit-events.ts).
import { auditEventDto } from "@/lib/api/audit-dto";
import { apiRoute, json } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/db/audit-events";
import { auditEventListQuery, fromSearchParams } from "@/lib/validation/lists";

export const GET = apiRoute(async (req, ctx) => {
  const query = auditEventListQuery.parse(fromSearchParams(req.nextUrl.searchParams));
  const page = await listAuditEvents(ctx, query);
  return json({
    data: page.items.map(auditEventDto),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    total: page.total,
    totalCapped: page.totalCapped,
  });
});
