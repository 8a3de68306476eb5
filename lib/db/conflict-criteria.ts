// The objective criteria of one case (docs/domain.md#objective-criteria), computed from the data
// through the caller's scope (a foreign case is NOT_FOUND) by lib/conflicts/criteria.ts. The deal
// is the case's opportunity, else its earliest registration. Claims are labelled as the caller may
// read them: staff see party names (conflict:read-parties), a partner "Your company", "Another
// partner" and "The vendor".
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/types";
import {
  criteria,
  inSegment,
  sizeBand,
  trailingFourQuarters,
  type Claim,
  type Criterion,
  type SegmentCriteria,
} from "@/lib/conflicts/criteria";
import { forbidden, notFound } from "@/lib/errors";
import { db } from "./client";
import { conflictScope } from "./scope";

const account = { select: { tier: true, namedAccount: true, vertical: true, region: { select: { code: true } } } };
const productLine = { select: { id: true, name: true, kind: true } };

export async function conflictCriteria(ctx: Ctx, id: string, now = new Date()): Promise<Criterion[]> {
  if (!can(ctx, "conflict:read")) throw forbidden();
  const c = await db.conflict.findFirst({
    where: { id, ...conflictScope(ctx) },
    select: {
      account,
      parties: {
        select: {
          id: true,
          kind: true,
          partnerId: true,
          partner: { select: { name: true } },
          user: { select: { name: true } },
        },
      },
      opportunity: {
        select: { stage: true, acvCents: true, createdAt: true, aeId: true, productLine, account },
      },
      registrations: {
        select: {
          registration: {
            select: {
              partnerId: true,
              submittedAt: true,
              estimatedAcvCents: true,
              accountVertical: true,
              productLine,
              account,
            },
          },
        },
        orderBy: { registration: { submittedAt: "asc" } },
      },
    },
  });
  if (!c) throw notFound("Conflict");
  const firstReg = c.registrations[0]?.registration ?? null;
  const deal = c.opportunity
    ? {
        acvCents: Number(c.opportunity.acvCents),
        productLine: c.opportunity.productLine,
        account: c.opportunity.account,
      }
    : firstReg
      ? { acvCents: Number(firstReg.estimatedAcvCents), productLine: firstReg.productLine, account: firstReg.account }
      : null;
  const acct = deal?.account ?? c.account;
  const acvCents = deal?.acvCents ?? 0;
  const band = sizeBand(acvCents);
  const window = trailingFourQuarters(now);
  const similarWhere = {
    productLineId: deal?.productLine.id ?? "",
    acvCents: { gte: BigInt(band.min), ...(band.max !== null ? { lt: BigInt(band.max) } : {}) },
    closedAt: { gte: window.from, lte: window.to },
    ...(acct ? { account: { tier: acct.tier } } : {}),
  };
  const [won, closed, segments] = await Promise.all([
    db.opportunity.count({ where: { ...similarWhere, stage: "CLOSED_WON" } }),
    db.opportunity.count({ where: { ...similarWhere, stage: { in: ["CLOSED_WON", "CLOSED_LOST"] } } }),
    db.segment.findMany({ select: { name: true, criteria: true }, orderBy: { name: "asc" } }),
  ]);
  const facts = {
    acvCents,
    vertical: acct?.vertical ?? firstReg?.accountVertical ?? null,
    region: acct?.region.code ?? null,
    productKind: deal?.productLine.kind ?? "CORE",
    accountTier: acct?.tier ?? null,
  };
  return criteria({
    stage: c.opportunity?.stage ?? null,
    acvCents,
    productLine: deal?.productLine.name ?? "",
    accountTier: acct?.tier ?? null,
    namedAccount: acct?.namedAccount ?? false,
    segments: segments.filter((s) => inSegment(s.criteria as SegmentCriteria, facts)).map((s) => s.name),
    similar: { won, closed },
    claims: claimsOf(ctx, c),
  });
}

type Loaded = {
  parties: {
    id: string;
    kind: string;
    partnerId: string | null;
    partner: { name: string } | null;
    user: { name: string } | null;
  }[];
  opportunity: { createdAt: Date } | null;
  registrations: { registration: { partnerId: string; submittedAt: Date } }[];
};

function claimsOf(ctx: Ctx, c: Loaded): Claim[] {
  const names = can(ctx, "conflict:read-parties");
  const label = (p: Loaded["parties"][number]) => {
    if (p.kind === "DIRECT") return names ? `Direct team${p.user ? ` (${p.user.name})` : ""}` : "The vendor";
    if (names) return p.partner?.name ?? "A partner";
    return p.partnerId === ctx.partnerId ? "Your company" : "Another partner";
  };
  const claims: Claim[] = [];
  let another = false;
  // registrations come oldest first; a partner hears of the earliest other partner's claim only, so no count leaks
  for (const { registration: r } of c.registrations) {
    const party = c.parties.find((p) => p.kind === "PARTNER" && p.partnerId === r.partnerId);
    if (!party) continue;
    if (!names && party.partnerId !== ctx.partnerId) {
      if (another) continue;
      another = true;
    }
    claims.push({ partyId: party.id, label: label(party), at: r.submittedAt, what: "registration" });
  }
  const direct = c.parties.find((p) => p.kind === "DIRECT");
  if (direct && c.opportunity)
    claims.push({ partyId: direct.id, label: label(direct), at: c.opportunity.createdAt, what: "opportunity" });
  return claims;
}
