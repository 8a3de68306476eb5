// Open and resolved conflict cases of every type (docs/domain.md#conflicts-and-escalation), with the demo sign-ins involved in
// some of them: Northwind and Contoso (managed by pm@) against each other and against ae@'s deals.
import type { ConflictType } from "../../lib/db/generated/sqlite/enums";
import type { ClaimBook } from "./claims";
import {
  type CaseOptions,
  type ConflictContext,
  directVsPartnerCase,
  duplicateCase,
  namedAccountCase,
} from "./conflict-cases";
import { attributionDisputeCase, pricingUndercutCase } from "./conflict-deal-cases";
import { narrate } from "./conflict-narratives";
import { type ConflictCase, ConflictRecorder } from "./conflict-record";
import type { AccountPools } from "./matching";
import type { Pipeline } from "./opportunities";
import { showcasePartners } from "./partner-pipeline";
import { Random } from "./random";
import type { RegistrationDesk } from "./registrations";
import { type World, staffUser } from "./world";

type Builder = (rng: Random, ctx: ConflictContext, o: CaseOptions) => ConflictCase | null;

const BUILDERS: Readonly<Record<ConflictType, Builder>> = {
  DUPLICATE_REGISTRATION: duplicateCase,
  DIRECT_VS_PARTNER: directVsPartnerCase,
  NAMED_ACCOUNT: namedAccountCase,
  PRICING_UNDERCUT: pricingUndercutCase,
  ATTRIBUTION_DISPUTE: attributionDisputeCase,
};

/** [type, open cases, resolved cases] */
export const CONFLICT_QUOTAS: ReadonlyArray<readonly [ConflictType, number, number]> = [
  ["DUPLICATE_REGISTRATION", 6, 16],
  ["DIRECT_VS_PARTNER", 8, 18],
  ["NAMED_ACCOUNT", 4, 12],
  ["PRICING_UNDERCUT", 4, 10],
  ["ATTRIBUTION_DISPUTE", 5, 14],
];

/** Cases the demo sign-ins meet on their first screens. */
function showcaseCases(world: World): Array<readonly [ConflictType, CaseOptions]> {
  const [northwind, contoso] = showcasePartners(world);
  const ae = staffUser(world, "ae").id;
  return [
    ["DUPLICATE_REGISTRATION", { open: true, level: 1, overdue: false, partner: northwind, partner2: contoso }],
    ["DIRECT_VS_PARTNER", { open: true, level: 1, overdue: false, partner: northwind, aeId: ae }],
    ["DIRECT_VS_PARTNER", { open: true, level: 2, overdue: false, partner: contoso, aeId: ae }],
    ["PRICING_UNDERCUT", { open: true, level: 1, overdue: true, partner: northwind }],
    ["NAMED_ACCOUNT", { open: true, level: 1, overdue: false, partner: contoso }],
    ["DIRECT_VS_PARTNER", { open: false, level: 1, partner: northwind, aeId: ae }],
    ["DUPLICATE_REGISTRATION", { open: false, level: 2, partner: contoso, partner2: northwind }],
    ["ATTRIBUTION_DISPUTE", { open: false, level: 1, partner: northwind }],
  ];
}

/** Builds and records the cases; returns the recorded ones (attribution reads their splits). */
export function generateConflicts(
  rng: Random,
  world: World,
  parts: { desk: RegistrationDesk; pipeline: Pipeline; claims: ClaimBook; pools: AccountPools },
): ConflictCase[] {
  const ctx: ConflictContext = { world, ...parts, recorder: new ConflictRecorder(world) };
  const recorded: ConflictCase[] = [];
  const remaining = new Map(CONFLICT_QUOTAS.map(([type, open, resolved]) => [type, { open, resolved }]));
  const attempt = (type: ConflictType, options: CaseOptions, tries: number): boolean => {
    for (let i = 0; i < tries; i++) {
      const c = BUILDERS[type](rng, ctx, options);
      if (!c) continue;
      // its own stream, by case number: the narratives never reshuffle the rest of the seed
      narrate(new Random(`conflict-narrative-${recorded.length}`), c);
      ctx.recorder.record(rng, c);
      recorded.push(c);
      const left = remaining.get(type)!;
      if (options.open) left.open--;
      else left.resolved--;
      return true;
    }
    return false;
  };
  for (const [type, options] of showcaseCases(world)) attempt(type, options, 40);
  for (const [type] of CONFLICT_QUOTAS) {
    const left = remaining.get(type)!;
    while (left.open > 0 && attempt(type, { open: true }, 40));
    while (left.resolved > 0 && attempt(type, { open: false }, 40));
  }
  return recorded;
}
