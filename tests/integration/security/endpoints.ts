// Every JSON POST endpoint of /api/v1, called through its real route handler with an API key that
// may use it, and the tables a write would touch (to prove a refused request wrote nothing).
import { NextRequest } from "next/server";
import { POST as conflictComments } from "@/app/api/v1/conflicts/[id]/comments/route";
import { POST as conflictResolve } from "@/app/api/v1/conflicts/[id]/resolve/route";
import { POST as decision } from "@/app/api/v1/registrations/[id]/decision/route";
import { POST as extension } from "@/app/api/v1/registrations/[id]/extension/route";
import { POST as registrations } from "@/app/api/v1/registrations/route";
import { POST as routeDecisions } from "@/app/api/v1/route-decisions/route";
import { POST as simulations } from "@/app/api/v1/rulesets/[id]/simulations/route";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { decideRegistration } from "@/lib/db/registration-lifecycle";
import { submitRegistration } from "@/lib/db/registration-submit";
import { routeDecisionInput } from "@/lib/validation/rule-sets";
import { decisionInput, extensionInput, registrationInput } from "@/lib/validation/registrations";
import { commentInput, resolveInput } from "@/lib/validation/conflicts";
import type { z } from "zod";
import { ctxFor } from "../../support/contexts";

export type Body = string | ReadableStream<Uint8Array> | null;
export type Endpoint = {
  name: string;
  valid: Record<string, unknown>;
  schema?: z.ZodType;
  send: (body: Body, headers?: Record<string, string>) => Promise<Response>;
};

type RouteHandler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

function request(path: string, key: string, body: Body, headers: Record<string, string>) {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, ...headers },
    body,
  };
  if (body instanceof ReadableStream) init.duplex = "half"; // chunked: no Content-Length
  return new NextRequest(`http://localhost${path}`, init as ConstructorParameters<typeof NextRequest>[1]);
}

function endpoint(
  name: string,
  path: string,
  handler: RouteHandler,
  key: string,
  params: Record<string, string>,
  valid: Record<string, unknown>,
  schema?: z.ZodType,
): Endpoint {
  return {
    name,
    valid,
    schema,
    send: (body, headers = { "Content-Type": "application/json" }) =>
      handler(request(path, key, body, headers), { params: Promise.resolve(params) }),
  };
}

const FACTS = {
  acv: 100,
  currency: "USD",
  vertical: "TECHNOLOGY",
  country: "US",
  region: "NA",
  regionDirectPresence: true,
  productKind: "CORE",
  productLine: "Platform",
  namedAccount: false,
  partnerType: "RESELLER",
  registrationStatus: "NONE",
};

let n = 0;
export function deal(label = "Body Check") {
  n++;
  return {
    account: { name: `${label} ${n} ${Date.now()} Ltd`, country: "US", vertical: "RETAIL" as const },
    productLine: "Platform",
    estimatedAcv: 10_000_000,
    expectedCloseDate: "2027-01-31",
  };
}

/** A submitted registration (to decide) and an approved, protected one (to extend), both Northwind's. */
export async function endpoints() {
  const alice = await ctxFor("alice@northwind.test");
  const ops = await ctxFor("ops@accord.test");
  const partnerKey = (await createApiKey(alice, { name: "security tests", scope: "PARTNER" })).key;
  const adminKey = (await createApiKey(ops, { name: "security tests", scope: "ADMIN" })).key;
  const submitted = await submitRegistration(alice, deal());
  const approved = await submitRegistration(alice, deal());
  await decideRegistration(ops, approved.id, { decision: "APPROVE", reason: "Qualified for tests" });
  const ruleSet = await db.ruleSet.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
  // a duplicate-registration case between Northwind and Contoso, to comment on and resolve
  const contested = deal("Contested");
  await submitRegistration(alice, contested);
  const second = await submitRegistration(await ctxFor("bob@contoso.test"), contested);
  const { conflictId } = await db.conflictRegistration.findFirstOrThrow({
    where: { registrationId: second.id },
    select: { conflictId: true },
  });
  const list: Endpoint[] = [
    endpoint(
      "registrations",
      "/api/v1/registrations",
      registrations as RouteHandler,
      partnerKey,
      {},
      deal(),
      registrationInput,
    ),
    endpoint(
      "decision",
      `/api/v1/registrations/${submitted.id}/decision`,
      decision as RouteHandler,
      adminKey,
      { id: submitted.id },
      { decision: "REJECT", reason: "Not qualified" },
      decisionInput,
    ),
    endpoint(
      "extension",
      `/api/v1/registrations/${approved.id}/extension`,
      extension as RouteHandler,
      partnerKey,
      { id: approved.id },
      { reason: "Procurement slipped" },
      extensionInput,
    ),
    endpoint(
      "route-decisions",
      "/api/v1/route-decisions",
      routeDecisions as RouteHandler,
      adminKey,
      {},
      { facts: FACTS },
      routeDecisionInput,
    ),
    // (its schema lives in the route file, which may export only handlers)
    endpoint(
      "simulations",
      `/api/v1/rulesets/${ruleSet.id}/simulations`,
      simulations as RouteHandler,
      adminKey,
      { id: ruleSet.id },
      { from: "2026-01-01", to: "2026-02-01" },
    ),
    endpoint(
      "conflict-comments",
      `/api/v1/conflicts/${conflictId}/comments`,
      conflictComments as RouteHandler,
      partnerKey,
      { id: conflictId },
      { body: "Our evidence is attached" },
      commentInput,
    ),
    endpoint(
      "conflict-resolve",
      `/api/v1/conflicts/${conflictId}/resolve`,
      conflictResolve as RouteHandler,
      adminKey,
      { id: conflictId },
      { resolution: "DISMISSED", rationale: "Both may proceed to review", tags: ["fuzz"] },
      resolveInput,
    ),
  ];
  return { list, submitted, approved };
}

/** Row counts of every table a POST endpoint writes. */
export async function rowCounts() {
  const [registrations, audit, conflicts, decisions, opportunities, extensions, events, conflictEvents] =
    await Promise.all([
      db.dealRegistration.count(),
      db.auditEvent.count(),
      db.conflict.count(),
      db.routeDecision.count(),
      db.opportunity.count(),
      db.registrationExtension.count(),
      db.registrationEvent.count(),
      db.conflictEvent.count(),
    ]);
  return { registrations, audit, conflicts, decisions, opportunities, extensions, events, conflictEvents };
}

/** A body that arrives in pieces with no Content-Length (Transfer-Encoding: chunked on the wire). */
export function chunked(text: string, pieceBytes = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + pieceBytes));
      at += pieceBytes;
    },
  });
}
