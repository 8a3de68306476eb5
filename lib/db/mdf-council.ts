// The council's MDF return (lib/db/council-metrics.ts) per quarter, with the same definition as
// lib/mdf/romi.ts: "spent" is what was paid on PAID requests against the quarter's funds, "sourced"
// the ACV of CLOSED_WON deals linked to them (Opportunity.mdfRequestId). Plain SQL on the council's
// connection, like the rest of its figures.
import type { Sql } from "./sql";

export function mdfRomiByQuarter(s: Sql, quarters: string[]) {
  return s.all<Record<string, unknown>>(
    `SELECT f."quarter" AS "quarter", SUM(r."amountCents") AS "spent", SUM(COALESCE(w."won", 0)) AS "sourced"
     FROM "MdfRequest" r JOIN "MdfFund" f ON f."id" = r."fundId"
     LEFT JOIN (SELECT "mdfRequestId", SUM("acvCents") AS "won" FROM "Opportunity"
                WHERE "stage" = 'CLOSED_WON' AND "mdfRequestId" IS NOT NULL GROUP BY "mdfRequestId") w
       ON w."mdfRequestId" = r."id"
     WHERE r."status" = 'PAID' AND f."quarter" IN (${quarters.map(() => "?").join(", ")}) GROUP BY f."quarter"`,
    quarters,
  );
}
