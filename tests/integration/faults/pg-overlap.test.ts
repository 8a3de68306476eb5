// Regression guard: queries that overlap on one PostgreSQL transaction client (a `Promise.all` of
// `tx` calls inside a transaction callback) make pg 8 warn "Calling client.query() when the client
// is already executing a query is deprecated", and break with pg 9. Our transactions run their
// queries one after another; this test watches every pg client during representative transactional
// work and fails on any overlap our code causes. Prisma 6.19 itself overlaps queries when it loads a
// relation (its query interpreter runs a "join" node's child queries with Promise.all on the
// transaction's client): those are recognised by their stack and only counted (see lib/db/connect.ts,
// where pg stays on 8 for that reason). pg's own warning fires once per process, so it cannot serve
// as the detector; we look at the client's busy state at each call instead. PostgreSQL only.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/db/api-keys";
import { db, provider, sql } from "@/lib/db/client";
import {
  decideRegistration,
  extendRegistration,
  postRegistrationUpdate,
  withdrawRegistration,
} from "@/lib/db/registration-lifecycle";
import { submitRegistration } from "@/lib/db/registration-submit";
import { createDraft, deleteDraft } from "@/lib/db/rule-set-writes";
import { transaction } from "@/lib/db/transaction";
import { expireProtection, releaseDormant, remindOverdue } from "@/lib/jobs/registration-jobs";
import { ctxFor } from "../../support/contexts";

type Overlap = { stack: string; site: string };
const overlaps: Overlap[] = [];
let recording = false;

type Busy = { _activeQuery?: unknown; _queryQueue?: unknown[] };
const originalQuery = pg.Client.prototype.query;

/** Issued by Prisma's query interpreter for a relation: interpretNode → Array.map (join children) → interpretNode. */
function issuedByPrismaJoin(stack: string): boolean {
  const frames = stack.split("\n").map((f) => f.trim());
  return frames.some(
    (f, i) =>
      f.startsWith("at Array.map") &&
      /interpretNode/.test(frames[i + 1] ?? "") &&
      /@prisma\/client\/runtime/.test(frames[i - 1] ?? "") &&
      /interpretNode/.test(frames[i - 2] ?? ""),
  );
}

/** The first frame in our own code: where the overlapping work was started. */
function siteOf(stack: string): string {
  const frames = stack
    .split("\n")
    .slice(1)
    .map((f) => f.trim());
  const plumbing = [
    "node_modules",
    "node:",
    "lib/db/connect.ts",
    "lib/db/sql.ts",
    "lib/db/retry.ts",
    "lib/db/transaction.ts",
  ];
  return (
    frames.find((f) => f.includes("(/") && !f.includes("Client.query") && !plumbing.some((p) => f.includes(p))) ?? "?"
  );
}

const ours = () => overlaps.filter((o) => !issuedByPrismaJoin(o.stack));

async function watch<T>(work: () => Promise<T>): Promise<T> {
  overlaps.length = 0;
  recording = true;
  try {
    return await work();
  } finally {
    recording = false;
  }
}

beforeAll(() => {
  Error.stackTraceLimit = 100;
  pg.Client.prototype.query = function (this: pg.Client & Busy, ...args: unknown[]) {
    if (recording && (this._activeQuery || (this._queryQueue?.length ?? 0) > 0)) {
      const stack = new Error("overlapping query").stack ?? "";
      overlaps.push({ stack, site: siteOf(stack) });
    }
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});

afterAll(() => {
  pg.Client.prototype.query = originalQuery;
});

let n = 0;
const deal = () => {
  n++;
  return {
    account: {
      name: `Overlap Works ${n} Inc`,
      domain: `overlap${n}.example`,
      country: "US",
      vertical: "RETAIL" as const,
    },
    productLine: "Platform",
    estimatedAcv: 10_000_000,
    expectedCloseDate: "2027-01-31",
  };
};

describe.skipIf(provider !== "postgresql")(
  "no overlapping queries on a PostgreSQL transaction client from our code",
  () => {
    it("the detector sees a Promise.all inside a plain-SQL transaction (guards the test itself)", async () => {
      await watch(() =>
        sql.transaction((s) =>
          Promise.all([s.get(`SELECT 1 AS "n"`), s.get(`SELECT 2 AS "n"`), s.get(`SELECT 3 AS "n"`)]),
        ),
      );
      expect(ours().length).toBeGreaterThan(0);
      expect(ours()[0].site).toContain("pg-overlap.test.ts");
    });

    it("Prisma runs a Promise.all of tx calls one at a time on the transaction's client", async () => {
      // so inside a Prisma transaction only Prisma's own relation loading overlaps (counted below)
      await watch(() => transaction(db, (tx) => Promise.all([tx.user.count(), tx.partner.count(), tx.region.count()])));
      expect(overlaps).toEqual([]);
    });

    it("registration, decisions, extensions, API keys, rule-set drafts and jobs run their queries one at a time", async () => {
      const alice = await ctxFor("alice@northwind.test");
      const pm = await ctxFor("pm@accord.test");
      const ops = await ctxFor("ops@accord.test");
      const prisma = await watch(async () => {
        const approved = await submitRegistration(alice, deal());
        const rejected = await submitRegistration(alice, deal());
        await decideRegistration(pm, approved.id, { decision: "APPROVE", reason: "Qualified" });
        await decideRegistration(pm, rejected.id, { decision: "REJECT", reason: "Not qualified" });
        await extendRegistration(alice, approved.id, "Procurement slipped");
        await postRegistrationUpdate(alice, approved.id, "Demo booked");
        // an approved registration is converted at once (its deal exists) and cannot be withdrawn
        const withdrawn = await submitRegistration(alice, deal());
        await withdrawRegistration(alice, withdrawn.id, "Lost to a competitor");
        const key = await createApiKey(ops, { name: "overlap", scope: "ADMIN" });
        await revokeApiKey(ops, key.id);
        const draft = await createDraft(ops);
        await deleteDraft(ops, draft.id, 0);
        const later = new Date(Date.now() + 400 * 86_400_000);
        await expireProtection(db, later);
        await releaseDormant(db, later);
        await remindOverdue(db, later);
        return overlaps.length - ours().length;
      });
      expect(ours().map((o) => o.site)).toEqual([]);
      // Prisma's own (relation loading): documented in lib/db/connect.ts; pg stays on 8 until Prisma stops
      console.log(`[pg-overlap] overlapping queries issued by Prisma's query interpreter (relations): ${prisma}`);
    });
  },
);
