// Writes the planned rows in foreign-key order, in batches, inside one transaction: a failed seed
// leaves no half-built demo company behind.
import type { Db, Tx } from "../../lib/db/connect";
import { transaction } from "../../lib/db/transaction";
import { insertMany } from "./batch";
import type { Rows } from "./world";

/** Row counts per table, as written. */
export type RowCounts = Record<keyof Rows, number>;

export interface WriteResult {
  counts: RowCounts;
  /** Milliseconds spent writing each table. */
  timings: Partial<Record<keyof Rows, number>>;
}

async function writeAll(tx: Tx, rows: Rows): Promise<WriteResult> {
  const staff = rows.users.filter((u) => !u.partnerId);
  const partnerUsers = rows.users.filter((u) => u.partnerId);
  const counts = {} as RowCounts;
  const timings: WriteResult["timings"] = {};
  const put = async <K extends keyof Rows>(
    key: K,
    write: (data: Rows[K]) => Promise<number>,
    data: Rows[K] = rows[key],
  ) => {
    const started = performance.now();
    counts[key] = (counts[key] ?? 0) + (await write(data));
    timings[key] = Math.round((timings[key] ?? 0) + performance.now() - started);
  };
  await put("users", (d) => insertMany((a) => tx.user.createMany(a), d), staff);
  await put("partners", (d) => insertMany((a) => tx.partner.createMany(a), d));
  await put("users", (d) => insertMany((a) => tx.user.createMany(a), d), partnerUsers);
  await put("partnerRegions", (d) => insertMany((a) => tx.partnerRegion.createMany(a), d));
  await put("partnerVerticals", (d) => insertMany((a) => tx.partnerVertical.createMany(a), d));
  await put("productLines", (d) => insertMany((a) => tx.productLine.createMany(a), d));
  await put("corridors", (d) => insertMany((a) => tx.pricingCorridor.createMany(a), d));
  await put("ruleSets", (d) => insertMany((a) => tx.ruleSet.createMany(a), d));
  await put("rules", (d) => insertMany((a) => tx.rule.createMany(a), d));
  await put("accounts", (d) => insertMany((a) => tx.account.createMany(a), d));
  // decisions carry their facts and trace (~2 KB each): smaller batches keep statements modest
  await put("decisions", (d) => insertMany((a) => tx.routeDecision.createMany(a), d, 250));
  // MDF before the deals: a won deal names the MDF request whose activity sourced it
  await put("mdfFunds", (d) => insertMany((a) => tx.mdfFund.createMany(a), d));
  await put("mdfRequests", (d) => insertMany((a) => tx.mdfRequest.createMany(a), d));
  await put("opportunities", (d) => insertMany((a) => tx.opportunity.createMany(a), d));
  await put("touches", (d) => insertMany((a) => tx.partnerTouch.createMany(a), d));
  await put("opportunityEvents", (d) => insertMany((a) => tx.opportunityEvent.createMany(a), d));
  await put("registrations", (d) => insertMany((a) => tx.dealRegistration.createMany(a), d));
  await put("registrationEvents", (d) => insertMany((a) => tx.registrationEvent.createMany(a), d));
  await put("extensions", (d) => insertMany((a) => tx.registrationExtension.createMany(a), d));
  await put("conflicts", (d) => insertMany((a) => tx.conflict.createMany(a), d));
  await put("conflictParties", (d) => insertMany((a) => tx.conflictParty.createMany(a), d));
  await put("conflictRegistrations", (d) => insertMany((a) => tx.conflictRegistration.createMany(a), d));
  await put("conflictEvents", (d) => insertMany((a) => tx.conflictEvent.createMany(a), d));
  await put("attributions", (d) => insertMany((a) => tx.attribution.createMany(a), d));
  await put("payoutAdjustments", (d) => insertMany((a) => tx.payoutAdjustment.createMany(a), d));
  await put("assessments", (d) => insertMany((a) => tx.maturityAssessment.createMany(a), d));
  await put("scores", (d) => insertMany((a) => tx.maturityScore.createMany(a), d));
  await put("councilMeetings", (d) => insertMany((a) => tx.councilMeeting.createMany(a), d));
  await put("councilAttendees", (d) => insertMany((a) => tx.councilAttendee.createMany(a), d));
  await put("councilDecisions", (d) => insertMany((a) => tx.councilDecision.createMany(a), d));
  await put("councilActionItems", (d) => insertMany((a) => tx.councilActionItem.createMany(a), d));
  await put("auditEvents", (d) => insertMany((a) => tx.auditEvent.createMany(a), d));
  await put("settings", (d) => insertMany((a) => tx.appSetting.createMany(a), d));
  return { counts, timings };
}

export function writeRows(db: Db, rows: Rows): Promise<WriteResult> {
  // generous timeout: ~40,000 rows on a slow disk; the default 5 s would abort the seed
  return transaction(db, (tx) => writeAll(tx, rows), { timeout: 300_000, maxWait: 60_000 });
}
