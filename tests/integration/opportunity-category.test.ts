// Opportunity.category, the deal's attribution category stored on the deal for the council and the
// forecast to group by (docs/architecture.md), on a real database (SQLite, and PostgreSQL with
// TEST_DATABASE_URL): it stays equal to the category of the deal's attribution rows (DIRECT without any)
// through create, edit, close and a conflict resolution, without moving the editor's concurrency token;
// the demo seed writes it in step for every deal.
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/types";
import { openAttributionDispute } from "@/lib/db/attribution-dispute";
import { db } from "@/lib/db/client";
import { resolveConflict } from "@/lib/db/conflict-writes";
import { closeOpportunity } from "@/lib/db/opportunity-moves";
import { createOpportunity, updateOpportunity } from "@/lib/db/opportunity-writes";
import { ctxFor, partnerIdOf } from "../support/contexts";

let ae: Ctx;
let accountId: string;
let productLineId: string;
let northwind: string;

beforeAll(async () => {
  ae = await ctxFor("ae@accord.test");
  accountId = (
    await db.account.findFirstOrThrow({
      where: { ownerId: ae.userId, namedAccount: false, region: { directPresence: true } },
      orderBy: { id: "asc" },
      select: { id: true },
    })
  ).id;
  productLineId = (await db.productLine.findFirstOrThrow({ where: { kind: "CORE" }, select: { id: true } })).id;
  northwind = await partnerIdOf("Northwind Systems");
});

/** The stored category and the one its attribution rows carry (all the same, DIRECT without rows). */
async function categories(id: string) {
  const opp = await db.opportunity.findUniqueOrThrow({ where: { id }, select: { category: true } });
  const rows = await db.attribution.findMany({ where: { opportunityId: id }, select: { category: true } });
  const fromRows = [...new Set(rows.map((r) => r.category))];
  expect(fromRows.length).toBeLessThanOrEqual(1);
  return { stored: opp.category, rows: fromRows[0] ?? "DIRECT" };
}

const base = () => ({
  name: "Category in step",
  productLineId,
  acvCents: "400,000",
  closeDate: "2027-03-31",
  discountPct: "0",
});
const fields = (over: { partnerId: string | null; expectedUpdatedAt: string }) => ({ ...base(), ...over });
const create = () => createOpportunity(ae, { ...base(), accountId, partnerId: northwind });

describe("Opportunity.category", () => {
  it("follows the attribution rows on create, edit and close; the editor's token still works", async () => {
    const created = await create();
    expect(await categories(created.id)).toEqual({ stored: "PARTNER_COSELL", rows: "PARTNER_COSELL" });

    // the partner detached on edit: the deal is direct again
    const edited = await updateOpportunity(
      ae,
      created.id,
      fields({ partnerId: null, expectedUpdatedAt: created.updatedAt }),
    );
    expect(await categories(created.id)).toEqual({ stored: "DIRECT", rows: "DIRECT" });
    // the category write kept the token the edit returned: a second edit with it is accepted
    const again = await updateOpportunity(
      ae,
      created.id,
      fields({ partnerId: northwind, expectedUpdatedAt: edited.updatedAt }),
    );
    expect(again.updatedAt).not.toBe(edited.updatedAt);
    expect(await categories(created.id)).toEqual({ stored: "PARTNER_COSELL", rows: "PARTNER_COSELL" });

    const stage = (await db.opportunity.findUniqueOrThrow({ where: { id: created.id } })).stage;
    await closeOpportunity(ae, created.id, { outcome: "CLOSED_WON", expectedStage: stage });
    expect(await categories(created.id)).toEqual({ stored: "PARTNER_COSELL", rows: "PARTNER_COSELL" });
  });

  it("is rewritten with the rows when a conflict resolution recomputes them", async () => {
    const created = await create().then(async (c) => {
      const stage = (await db.opportunity.findUniqueOrThrow({ where: { id: c.id } })).stage;
      await closeOpportunity(ae, c.id, { outcome: "CLOSED_WON", expectedStage: stage });
      return c;
    });
    // drift planted by hand: the resolution's recompute must put it back
    await db.opportunity.update({ where: { id: created.id }, data: { category: "MARKETPLACE" } });
    const dispute = await openAttributionDispute(ae, {
      opportunityId: created.id,
      evidence: "I sourced it at the summit",
    });
    const parties = await db.conflictParty.findMany({ where: { conflictId: dispute.id } });
    await resolveConflict(await ctxFor("ops@accord.test"), dispute.id, {
      resolution: "SPLIT",
      rationale: "Both teams worked it",
      tags: [],
      splits: [
        { partyId: parties.find((p) => p.kind === "DIRECT")!.id, creditPct: 60 },
        { partyId: parties.find((p) => p.kind === "PARTNER")!.id, creditPct: 40 },
      ],
    });
    expect(await categories(created.id)).toEqual({ stored: "PARTNER_COSELL", rows: "PARTNER_COSELL" });
  });

  it("is in step for every seeded deal, and not all deals are direct", async () => {
    const deals = await db.opportunity.findMany({
      select: { id: true, category: true, attributions: { select: { category: true }, take: 1 } },
    });
    const off = deals.filter((d) => d.category !== (d.attributions[0]?.category ?? "DIRECT"));
    expect(off.map((d) => d.id)).toEqual([]);
    expect(new Set(deals.map((d) => d.category)).size).toBeGreaterThan(2);
  });
});
