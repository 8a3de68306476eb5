// Money and governance around the pipeline: MDF funds per quarter (docs/domain.md#data-model), maturity
// assessments in the three frameworks of docs/domain.md#maturity, and the monthly revenue council (docs/domain.md#forecast-and-revenue-council).
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import type { MaturityFramework } from "../../lib/db/generated/sqlite/enums";
import { FRAMEWORK_DEFS } from "../../lib/maturity/frameworks";
import { IdSequence, seedId } from "./ids";
import { generateMdfRequests } from "./mdf-requests";
import type { SeedOpportunity } from "./opportunities";
import type { Random } from "./random";
import { addDays, addHours, monthLabel, monthStart, quarterLabel, quarterStart } from "./time";
import { type World, staffUser } from "./world";

const DOLLAR = 100;
const MDF_RANGE = { PLATINUM: [60_000, 120_000], GOLD: [20_000, 60_000] } as const;
const MOTIONS = ["Co-sell accelerator", "Marketplace launch", "Partner enablement"] as const;
const HISTORY_QUARTERS = 8;

function roundTo(cents: number, step: number): bigint {
  return BigInt(Math.round(cents / step) * step);
}

/** The pipeline a fund can claim: deals created in the quarter by what it paid for. */
function pipelineOf(
  opps: readonly SeedOpportunity[],
  from: Date,
  to: Date,
  test: (o: SeedOpportunity) => boolean,
): number {
  return opps.reduce((sum, o) => (o.createdAt >= from && o.createdAt < to && test(o) ? sum + o.acvCents : sum), 0);
}

const MOTION_PIPELINE: Readonly<Record<(typeof MOTIONS)[number], (o: SeedOpportunity) => boolean>> = {
  "Co-sell accelerator": (o) => o.route === "CO_SELL",
  "Marketplace launch": (o) => o.route === "MARKETPLACE",
  "Partner enablement": (o) => o.source === "PARTNER",
};

export function generateMdf(rng: Random, world: World, opps: readonly SeedOpportunity[]): void {
  const ids = new IdSequence("mdf");
  const funded = world.partners.filter((p) => p.status === "ACTIVE" && (p.tier === "PLATINUM" || p.tier === "GOLD"));
  for (let offset = -(HISTORY_QUARTERS - 1); offset <= 0; offset++) {
    const from = quarterStart(world.now, offset);
    const to = quarterStart(world.now, offset + 1);
    const elapsed = Math.min(1, (world.now.getTime() - from.getTime()) / (to.getTime() - from.getTime()));
    const fund = (
      allocated: number,
      pipeline: number,
      owner: { partnerId?: string; motion?: string },
    ): Prisma.MdfFundCreateManyInput => ({
      id: ids.next(),
      quarter: quarterLabel(from),
      ...owner,
      allocatedCents: roundTo(allocated, 1_000 * DOLLAR),
      spentCents: roundTo(allocated * elapsed * rng.real(0.6, 1), 100 * DOLLAR),
      sourcedPipelineCents: roundTo(pipeline * rng.real(0.3, 0.7), 100 * DOLLAR),
      createdAt: addDays(from, -10),
    });
    for (const p of funded) {
      const [low, high] = MDF_RANGE[p.tier as "PLATINUM" | "GOLD"];
      const pipeline = pipelineOf(opps, from, to, (o) => o.partner?.id === p.id && o.source === "PARTNER");
      world.rows.mdfFunds.push(fund(rng.real(low, high) * DOLLAR, pipeline, { partnerId: p.id }));
    }
    for (const motion of MOTIONS) {
      const pipeline = pipelineOf(opps, from, to, MOTION_PIPELINE[motion]) * 0.2;
      world.rows.mdfFunds.push(fund(rng.real(50_000, 150_000) * DOLLAR, pipeline, { motion }));
    }
  }
  generateMdfRequests(world, opps);
}

/** The dimensions of docs/domain.md#maturity (lib/maturity/frameworks.ts), stored by key in MaturityScore.dimension. */
const MATURITY_DIMENSIONS: Readonly<Record<MaturityFramework, ReadonlyArray<{ key: string; label: string }>>> = {
  RULES_OF_ENGAGEMENT: FRAMEWORK_DEFS.RULES_OF_ENGAGEMENT.dimensions,
  PARTNER_DIRECT_ENABLEMENT: FRAMEWORK_DEFS.PARTNER_DIRECT_ENABLEMENT.dimensions,
  CHANNEL_BALANCED_DEMAND: FRAMEWORK_DEFS.CHANNEL_BALANCED_DEMAND.dimensions,
};

const ASSESSOR: Readonly<Record<MaturityFramework, string>> = {
  RULES_OF_ENGAGEMENT: "ops",
  PARTNER_DIRECT_ENABLEMENT: "vp-channel",
  CHANNEL_BALANCED_DEMAND: "vp-revops",
};

const EVIDENCE = [
  "", // score 0 is unused
  "No written practice; decided case by case.",
  "Documented, but applied unevenly across regions.",
  "Documented and mostly followed; exceptions tracked by hand.",
  "Enforced by the system; exceptions reviewed monthly at the council.",
  "Enforced, measured and improved every quarter from the data.",
];

/** Six quarterly assessments per framework: scores start low and improve as Accord takes hold. */
export function generateMaturity(rng: Random, world: World): void {
  const ids = new IdSequence("mat");
  const scoreIds = new IdSequence("msc");
  for (const framework of Object.keys(MATURITY_DIMENSIONS) as MaturityFramework[]) {
    const dims = MATURITY_DIMENSIONS[framework];
    const start = dims.map(() => rng.int(1, 2));
    const gain = dims.map(() => rng.int(1, 3));
    for (let i = 0; i < 6; i++) {
      const period = quarterStart(world.now, i - 6);
      const id = ids.next();
      world.rows.assessments.push({
        id,
        framework,
        period: quarterLabel(period),
        assessorId: staffUser(world, ASSESSOR[framework]).id,
        createdAt: addDays(quarterStart(world.now, i - 5), 7),
      });
      dims.forEach((dim, d) => {
        const score = Math.min(5, start[d] + Math.floor((gain[d] * (i + rng.real(0, 0.8))) / 5));
        world.rows.scores.push({
          id: scoreIds.next(),
          assessmentId: id,
          dimension: dim.key,
          score,
          evidence: `${dim.label}: ${EVIDENCE[score]}`,
        });
      });
    }
  }
}

const AGENDA = [
  "Channel mix trend",
  "Attribution disputes",
  "Co-sell deals at risk",
  "Enablement gaps",
  "Overdue conflicts",
];

/** The last three monthly councils, held, and this month's, on the agenda. */
export function generateCouncil(world: World): void {
  const attendees = ["vp-sales", "vp-channel", "vp-revops", "cro", "ceo", "ops", "pm"].map(
    (k) => staffUser(world, k).id,
  );
  const decisions: Prisma.InputJsonValue[] = [
    [
      {
        kind: "BUDGET_MOVE",
        text: "Move $50K from field events to the co-sell accelerator.",
        amountCents: 5_000_000,
        from: "Field events",
        to: "Co-sell accelerator",
      },
    ],
    [
      {
        kind: "RULE_CHANGE",
        text: "Draft a rule set that starts co-selling at $200K ACV and simulate it on last quarter's deals.",
      },
      { kind: "ACTION", text: "Partner managers clear overdue registrations before month end." },
    ],
    [
      {
        kind: "BUDGET_MOVE",
        text: "Move $30K of MDF from Partner enablement to Marketplace launch.",
        amountCents: 3_000_000,
        from: "Partner enablement",
        to: "Marketplace launch",
      },
      { kind: "ACTION", text: "Review every level-3 conflict with the CRO weekly." },
    ],
  ];
  for (let offset = -3; offset <= 0; offset++) {
    const month = monthStart(world.now, offset);
    const held = offset < 0;
    world.rows.councilMeetings.push({
      id: seedId("cnc", offset + 4),
      month: monthLabel(month),
      agenda: AGENDA,
      decisions: held ? decisions[offset + 3] : [],
      attendees,
      heldAt: held ? addHours(addDays(month, 9), 15) : null,
      createdAt: addDays(month, -5),
    });
    if (held)
      councilRecords(world, seedId("cnc", offset + 4), addHours(addDays(month, 9), 15), offset, decisions[offset + 3]);
  }
}

const PACK_KIND: Record<string, "RULE_CHANGE" | "MDF_MOVE" | "OTHER"> = {
  RULE_CHANGE: "RULE_CHANGE",
  BUDGET_MOVE: "MDF_MOVE",
};

/**
 * A held meeting's council-pack rows (docs/domain.md#council-pack): five attendees, its decisions
 * (an ACTION becomes an action item), and an action item per meeting, done except last month's.
 */
function councilRecords(world: World, meetingId: string, heldAt: Date, offset: number, summary: Prisma.InputJsonValue) {
  const people = ["cro", "vp-sales", "vp-channel", "ops", "pm"].map((k) => staffUser(world, k).id);
  for (const [i, userId] of people.entries())
    world.rows.councilAttendees.push({ meetingId, userId, addedAt: addHours(heldAt, -1 + i / 60) });
  const items = summary as { kind: string; text: string }[];
  let n = 0;
  for (const d of items) {
    n++;
    if (d.kind === "ACTION") {
      world.rows.councilActionItems.push({
        id: seedId("cna", (offset + 4) * 10 + n),
        meetingId,
        text: d.text,
        ownerId: people[4],
        dueDate: addDays(heldAt, 14),
        status: offset < -1 ? "DONE" : "OPEN",
        completedAt: offset < -1 ? addDays(heldAt, 10) : null,
        createdAt: addHours(heldAt, n),
      });
    } else {
      world.rows.councilDecisions.push({
        id: seedId("cnd", (offset + 4) * 10 + n),
        meetingId,
        kind: PACK_KIND[d.kind] ?? "OTHER",
        text: d.text,
        decidedById: people[0],
        decidedAt: addHours(heldAt, n),
      });
    }
  }
  world.rows.councilActionItems.push({
    id: seedId("cna", (offset + 4) * 10),
    meetingId,
    text: "Report the partner-sourced share by segment at the next council.",
    ownerId: people[3],
    dueDate: addDays(heldAt, 21),
    status: offset < -1 ? "DONE" : "OPEN",
    completedAt: offset < -1 ? addDays(heldAt, 18) : null,
    createdAt: heldAt,
  });
}
