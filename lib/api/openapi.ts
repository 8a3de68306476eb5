// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse
// with (z.toJSONSchema), so the contract cannot drift from the code.
import { z } from "zod";
import { mdfPaths } from "./openapi-mdf";
import { declineHandoffInput, HANDOFF_STATUSES, handoffListQuery } from "@/lib/validation/handoffs";
import { commentInput, escalateInput, raiseConflictInput, resolveInput } from "@/lib/validation/conflicts";
import { factsSchema } from "@/lib/rules";
import { decisionInput, extensionInput, registrationInput } from "@/lib/validation/registrations";
import { auditEventListQuery, opportunityListQuery, registrationListQuery } from "@/lib/validation/lists";
import { conflictListQuery } from "@/lib/validation/conflict-filters";
import { METRIC_KEYS } from "@/lib/council";
import { forecastQuery } from "@/lib/validation/forecast";
import { maturityQuery } from "@/lib/validation/maturity";
import { FRAMEWORKS } from "@/lib/maturity";
import { scorecardQuery } from "@/lib/validation/scorecards";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" });

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

// every operation can meet a database that cannot be reached: 503 (lib/db/unavailable.ts)
const errors = (...codes: number[]) =>
  Object.fromEntries(
    [...codes, 503].map((c) => [
      String(c),
      {
        description: ERROR_TEXT[c],
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input (field messages in error.fields)",
  401: "Missing or invalid credentials",
  403: "Not allowed for this caller",
  404: "Not found (also for another partner's ids)",
  409: "Conflicts with the current state",
  413: "Body larger than 1 MB",
  415: "Body is not JSON",
  422: "Well-formed but not processable (e.g. Idempotency-Key reused with another body)",
  429: "Too many requests",
  503: "The database cannot be reached or did not answer in time (code UNAVAILABLE); retry after Retry-After seconds",
};

// ── conflicts, write side (POST /api/v1/conflicts, …/{id}/comments, …/escalate, …/resolve) ──
function conflictWritePaths() {
  const conflictPath = (summary: string, input: z.ZodType, result: unknown, codes: number[]) => ({
    post: {
      summary,
      parameters: [idParam],
      requestBody: json(schema(input)),
      responses: { "200": json(result), ...errors(...codes) },
    },
  });
  return {
    "/api/v1/conflicts": {
      post: {
        summary:
          "Raise a conflict case: an AE on its own opportunity ({ opportunityId, reason, partnerId?, note }) or a " +
          "partner on its own registration ({ registrationId, note }). 409 (error.fields.conflictId) when an open " +
          "case is already on it.",
        requestBody: json(schema(raiseConflictInput)),
        responses: {
          "201": json({
            type: "object",
            properties: {
              id: { type: "string" },
              type: { type: "string" },
              level: { const: 1 },
              slaDueAt: { type: "string", format: "date-time" },
            },
          }),
          ...errors(400, 401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    "/api/v1/conflicts/{id}/comments": conflictPath(
      "Comment on a case (staff, or a partner party to it)",
      commentInput,
      {
        type: "object",
        properties: { id: { type: "string" }, conflictId: { type: "string" }, at: { type: "string" } },
      },
      [400, 401, 403, 404, 413, 415],
    ),
    "/api/v1/conflicts/{id}/escalate": conflictPath(
      "Escalate one level with a reason (a decider of the current level, or channel operations); the new level's SLA starts now",
      escalateInput,
      {
        type: "object",
        properties: {
          id: { type: "string" },
          fromLevel: { type: "integer" },
          toLevel: { type: "integer" },
          slaDueAt: { type: "string", format: "date-time" },
        },
      },
      [400, 401, 403, 404, 409, 413, 415, 422],
    ),
    "/api/v1/conflicts/{id}/resolve": conflictPath(
      "Resolve (a decider of the current level, or channel operations): AWARD_PARTNER, AWARD_DIRECT, SPLIT (credit % " +
        "per party summing to exactly 100, else 422 with error.fields.splits), CO_SELL or DISMISSED, with a rationale " +
        "and tags; the effects are applied with the decision. 409 when the case was resolved or moved meanwhile.",
      resolveInput,
      {
        type: "object",
        properties: { id: { type: "string" }, resolution: { type: "string" }, effects: { type: "object" } },
      },
      [400, 401, 403, 404, 409, 413, 415, 422],
    ),
  };
}

// Every operation an API key can call counts against the key's limit (lib/db/api-keys.ts).
const rateLimited = {
  description: "Too many requests for this API key (setting api.rateLimitPerMinute, 600 a minute by default)",
  headers: {
    "Retry-After": {
      description: "Seconds until the key's current minute ends",
      schema: { type: "integer", minimum: 1 },
    },
  },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

type Operation = { security?: unknown[]; responses: Record<string, unknown> };
function withRateLimit<P extends Record<string, Record<string, Operation>>>(paths: P): P {
  for (const operations of Object.values(paths)) {
    for (const op of Object.values(operations))
      if (op.security?.length !== 0) op.responses["429"] = { $ref: "#/components/responses/RateLimited" };
  }
  return paths;
}

const json = (s: unknown) => ({ content: { "application/json": { schema: s } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

const queryParameters = (s: z.ZodType) =>
  Object.entries((schema(s) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, p]) => ({
    name,
    in: "query",
    required: false,
    schema: p,
  }));

// ── audit log (GET /api/v1/audit-events and its CSV export): channel operations only ──
function auditPaths() {
  const parameters = queryParameters(auditEventListQuery);
  const filters = parameters.filter((p) => !["after", "before", "pageSize", "sort"].includes(p.name));
  return {
    "/api/v1/audit-events": {
      get: {
        summary:
          "The audit log, newest first (admin API key or channel operations session): filters action, entityType, " +
          "actor (user id), from/to (UTC days, inclusive), q (exact entity id or part of the actor); cursor pagination",
        parameters,
        responses: {
          "200": json({
            type: "object",
            properties: {
              data: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    at: { type: "string", format: "date-time" },
                    actor: {
                      type: "object",
                      properties: { id: { type: ["string", "null"] }, label: { type: "string" } },
                    },
                    action: { type: "string" },
                    entity: {
                      type: "object",
                      properties: {
                        type: { type: "string" },
                        id: { type: "string" },
                        label: { type: "string" },
                        name: { type: ["string", "null"], description: "null when the row no longer exists" },
                        href: { type: ["string", "null"], description: "the entity's page in the app, if it has one" },
                      },
                    },
                    before: {},
                    after: {},
                  },
                },
              },
              nextCursor: { type: ["string", "null"] },
              prevCursor: { type: ["string", "null"] },
              total: { type: "integer" },
              totalCapped: { type: "boolean" },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/audit-events/export": {
      get: {
        summary:
          "The filtered audit log as a CSV download (same filters; at most 100,000 rows). Cells starting with " +
          "=, +, -, @, tab or carriage return are prefixed with an apostrophe so spreadsheets show them as text",
        parameters: filters,
        responses: {
          "200": {
            description: "CSV: at, actor, action, entity_type, entity_name, entity_id, before, after",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...errors(400, 401, 403),
        },
      },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const doc = coreDocument(serverUrl);
  doc.paths = withOperations(doc.paths, mdfPaths() as Record<string, PathItem>); // docs/domain.md#mdf
  return {
    ...doc,
    paths: withRateLimit(
      [
        conflictReadPaths(),
        statementPaths(),
        handoffPaths(),
        councilPaths(),
        forecastPaths(),
        maturityPaths(),
        scorecardPaths(),
      ].reduce(withOperations, doc.paths),
    ),
  };
}

function coreDocument(serverUrl: string) {
  const listQuery = schema(registrationListQuery) as { properties?: Record<string, unknown> };
  return {
    openapi: "3.1.0",
    info: {
      title: "Accord API",
      version: "1.0.0",
      description:
        "Partner/direct route-to-market governance. Authenticate with `Authorization: Bearer <api " +
        "key>` (a partner key acts as that partner) or a session cookie.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      responses: { RateLimited: rateLimited },
      schemas: {
        Error: error,
        Facts: schema(factsSchema),
        RegistrationInput: schema(registrationInput),
        DecisionInput: schema(decisionInput),
        ExtensionInput: schema(extensionInput),
      },
    },
    paths: withRateLimit({
      ...conflictWritePaths(),
      "/api/health": {
        get: {
          summary: "Health and database kind",
          security: [],
          responses: {
            "200": json({
              type: "object",
              properties: { status: { const: "ok" }, database: { enum: ["sqlite", "postgresql"] } },
            }),
            "503": {
              description:
                "The database failed or did not answer within the check's budget (the answer still comes within 2 s)",
              ...json({
                type: "object",
                properties: { status: { const: "unavailable" }, database: { enum: ["sqlite", "postgresql"] } },
              }),
            },
          },
        },
      },
      "/api/v1/route-decisions": {
        post: {
          summary: "Route a deal: the route, the winning rule and the trace (nothing is stored)",
          requestBody: json({
            type: "object",
            required: ["facts"],
            additionalProperties: false,
            properties: { facts: { $ref: "#/components/schemas/Facts" }, ruleSetId: { type: "string" } },
          }),
          responses: {
            "200": {
              description:
                "The decision with its trace: every rule tried, in order, each with its name, rationale, whether it " +
                'matched, and `reason` and `clauses` in plain language ("ACV is $2.2M — not below $250K"). Staff ' +
                "also get `technical`, the engine's own text; a partner key gets neither the vendor's own facts nor " +
                "another partner's clauses (docs/domain.md#reading-a-decision)",
            },
            ...errors(400, 401, 404, 422),
          },
        },
      },
      "/api/v1/rulesets": {
        get: {
          summary: "Rule set versions (partners: published only)",
          responses: { "200": { description: "Versions" }, ...errors(401) },
        },
      },
      "/api/v1/rulesets/{id}": {
        get: {
          summary: "One rule set with its rules",
          parameters: [idParam],
          responses: { "200": { description: "The rule set" }, ...errors(401, 404) },
        },
      },
      "/api/v1/registrations": {
        get: {
          summary: "Deal registrations in the caller's scope (cursor pagination)",
          parameters: Object.entries(listQuery.properties ?? {}).map(([name, s]) => ({
            name,
            in: "query",
            required: false,
            schema: s,
          })),
          responses: { "200": { description: "A page of registrations" }, ...errors(400, 401) },
        },
        post: {
          summary: "Register a deal (partner key); optional Idempotency-Key header",
          parameters: [
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } },
          ],
          requestBody: json({ $ref: "#/components/schemas/RegistrationInput" }),
          responses: {
            "201": json({
              type: "object",
              properties: {
                id: { type: "string" },
                status: { const: "SUBMITTED" },
                route: { type: "string" },
                slaDueAt: { type: "string", format: "date-time" },
                conflict: { type: "object", properties: { type: { type: "string" } } },
              },
            }),
            ...errors(400, 401, 403, 409, 413, 415, 422),
            "409": {
              description:
                "The partner already has an active registration for this company and product line (its id in error.fields.registrationId)",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          },
        },
      },
      "/api/v1/registrations/{id}": {
        get: {
          summary: "One registration with its route decision and timeline",
          parameters: [idParam],
          responses: { "200": { description: "The registration" }, ...errors(401, 404) },
        },
      },
      "/api/v1/registrations/{id}/decision": {
        post: {
          summary: "Approve or reject (partner manager of the partner, or ops)",
          parameters: [idParam],
          requestBody: json({ $ref: "#/components/schemas/DecisionInput" }),
          responses: {
            "200": json({
              type: "object",
              properties: {
                id: { type: "string" },
                // approval creates the deal and converts the registration in the same transaction
                status: { enum: ["CONVERTED", "REJECTED"] },
                protectedUntil: { type: ["string", "null"], format: "date-time" },
                opportunityId: { type: "string" },
              },
            }),
            ...errors(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      "/api/v1/registrations/{id}/extension": {
        post: {
          summary: "Extend protection (the owning partner; at most 2)",
          parameters: [idParam],
          requestBody: { required: false, ...json({ $ref: "#/components/schemas/ExtensionInput" }) },
          responses: {
            "200": json({ type: "object", properties: { protectedUntil: { type: "string", format: "date-time" } } }),
            ...errors(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      ...auditPaths(),
      ...opportunityPaths(),
    }),
  };
}

// ── conflicts, read side (GET /api/v1/conflicts, GET /api/v1/conflicts/{id}) ──
type PathItem = Record<string, Operation & Record<string, unknown>>;

/** Adds operations to the paths, beside any the path already has (the conflict writes share its paths). */
function withOperations<P extends Record<string, PathItem>>(paths: P, extra: Record<string, PathItem>): P {
  const out: Record<string, PathItem> = { ...paths };
  for (const [path, ops] of Object.entries(extra)) out[path] = { ...(out[path] ?? {}), ...ops };
  return out as P;
}

function conflictReadPaths(): Record<string, PathItem> {
  const query = schema(conflictListQuery) as { properties?: Record<string, unknown> };
  return {
    "/api/v1/conflicts": {
      get: {
        summary:
          "Conflict cases in the caller's scope (cursor pagination); without `slice=all`, the caller's own slice. " +
          "A partner sees only cases it is party to, the other side named 'the vendor' or 'another partner'.",
        parameters: Object.entries(query.properties ?? {}).map(([name, s]) => ({
          name,
          in: "query",
          required: false,
          schema: s,
        })),
        responses: { "200": { description: "A page of conflict cases" }, ...errors(400, 401, 403) },
      },
    },
    "/api/v1/conflicts/{id}": {
      get: {
        summary: "One conflict case: parties, account and deal, evidence with timelines and rule traces, history",
        parameters: [idParam],
        responses: { "200": { description: "The case, fitted to the caller" }, ...errors(401, 403, 404) },
      },
    },
  };
}

// ── opportunities (GET /api/v1/opportunities, GET /api/v1/opportunities/{id}) ──
function opportunityPaths() {
  const parameters = [
    ...queryParameters(opportunityListQuery),
    {
      name: "cursor",
      in: "query",
      required: false,
      description: "The previous page's nextCursor (the same as `after`)",
      schema: { type: "string" },
    },
  ];
  const party = {
    type: "object",
    properties: {
      party: { enum: ["PARTNER", "DIRECT"] },
      partner: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
      user: { type: ["string", "null"], description: "The AE credited (staff callers only)" },
      category: { type: "string" },
      creditPct: { type: "number" },
      quotaCreditCents: { type: "integer" },
      spiffCents: { type: "integer" },
      partnerMarginPct: { type: ["number", "null"] },
    },
  };
  const deal = {
    type: "object",
    properties: {
      id: { type: "string" },
      name: { type: "string" },
      account: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      productLine: { type: "string" },
      acvCents: { type: "integer" },
      currency: { type: "string" },
      stage: { type: "string" },
      closeDate: { type: "string", format: "date" },
      route: { type: ["string", "null"] },
      partnerNeeded: {
        type: "boolean",
        description: "The route needs a partner (PARTNER_LED, CO_SELL, DIRECT_PARTNER_ATTACHED) and the deal has none",
      },
      partner: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
    },
  };
  return {
    "/api/v1/opportunities": {
      get: {
        summary:
          "Deals in the caller's scope (a partner key: the deals it is party to); filters stage, route " +
          "(route=PARTNER_NEEDED: a partner route with no partner); cursor pagination",
        parameters,
        responses: {
          "200": json({
            type: "object",
            properties: {
              data: { type: "array", items: deal },
              nextCursor: { type: ["string", "null"] },
              prevCursor: { type: ["string", "null"] },
              total: { type: "integer" },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/opportunities/{id}": {
      get: {
        summary:
          "One deal with its route decision (trace) and attribution per party; a partner sees only its own " +
          "party's row, and another partner's deal is 404",
        parameters: [idParam],
        responses: {
          "200": json({
            allOf: [
              deal,
              {
                type: "object",
                properties: {
                  routeDecision: { type: ["object", "null"] },
                  attribution: { type: "array", items: party },
                },
              },
            ],
          }),
          ...errors(401, 403, 404),
        },
      },
    },
  };
}

// --- issue 12 D3: payout statements (lib/db/payouts.ts) ---
function statementPaths(): Record<string, PathItem> {
  return {
    "/api/v1/statements/export": {
      get: {
        summary:
          "One payout statement as a CSV download: the won deals closed in the period with the party's final " +
          "attribution (category, credit %, quota credit and SPIFF for an AE, margin for a partner, the rule in " +
          "words), the adjustments and the totals. A partner key exports its own company's only; another party is " +
          "404. Formula-leading cells are neutralized; negative amounts are written as (123.45)",
        parameters: [
          {
            name: "party",
            in: "query",
            required: false,
            description: "ae:<userId> or partner:<partnerId>; default: the caller's own statement when it has one",
            schema: { type: "string" },
          },
          {
            name: "period",
            in: "query",
            required: false,
            description: "A month (2026-11) or a quarter (2026-Q4); default: the current month",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": {
            description:
              "CSV: row, closed, deal, account, category, credit_pct, acv, then quota_credit, spiff (AE) or " +
              "margin_pct, margin (partner), why",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
  };
}

// ── revenue council (docs/domain.md#revenue-council-metrics): GET /api/v1/council ──
function councilPaths(): Record<string, PathItem> {
  const slice = {
    type: "object",
    properties: {
      key: { type: "string" },
      label: { type: "string" },
      value: { type: ["number", "null"] },
      count: { type: "integer" },
      href: { type: ["string", "null"] },
    },
  };
  const metric = {
    type: "object",
    properties: {
      key: { type: "string", enum: [...METRIC_KEYS] },
      label: { type: "string" },
      definition: { type: "string", description: "What the figure counts, in one sentence" },
      unit: { type: "string", enum: ["money", "pct", "days", "count", "ratio"] },
      total: {
        type: ["number", "null"],
        description: "money in cents, pct as 0–1, days, a count or a ratio; null when there is nothing to divide by",
      },
      byRoute: {
        type: "object",
        description:
          "By who leads: AE (direct, direct with a partner attached), JOINT (co-sell), PARTNER (partner-led, marketplace)",
        properties: {
          AE: { type: ["number", "null"] },
          JOINT: { type: ["number", "null"] },
          PARTNER: { type: ["number", "null"] },
        },
      },
      routes: { type: "array", items: slice },
      counts: {
        type: "array",
        items: {
          type: "object",
          properties: { label: { type: "string" }, count: { type: "integer" }, href: { type: ["string", "null"] } },
        },
      },
      href: { type: ["string", "null"], description: "The list (in the app) of exactly what the figure counts" },
      trend: {
        type: "array",
        items: { type: "object", properties: { month: { type: "string" }, value: { type: ["number", "null"] } } },
      },
      breakdown: {
        type: "object",
        properties: { title: { type: "string" }, slices: { type: "array", items: slice } },
      },
    },
  };
  return {
    "/api/v1/council": {
      get: {
        summary:
          "The revenue council's metrics for a month (or a quarter, rolling up its months), the same figures as the " +
          "council page: each with its definition, in total, by who leads, with a 12-month trend. ADMIN keys and " +
          "EXEC or ADMIN sessions",
        parameters: [
          {
            name: "month",
            in: "query",
            required: true,
            description: "A month (2026-11) or a quarter (2026-Q4)",
            schema: { type: "string" },
          },
        ],
        responses: {
          "200": json({
            type: "object",
            properties: {
              month: { type: "string" },
              period: { type: "object" },
              currency: { type: "string", description: "ISO currency of the money figures (from the deals)" },
              otherCurrencies: { type: "array", items: { type: "string" } },
              metrics: { type: "array", items: metric },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    // the council pack (docs/domain.md#council-pack)
    "/api/v1/council/packs/{month}": {
      get: {
        summary:
          "The month's council pack as a download: headline figures, their trend as tables, the auto agenda, " +
          "attendees, decisions and action items. The agenda is counted in the caller's scope. Staff keys and sessions",
        parameters: [
          { name: "month", in: "path", required: true, description: "A month (2026-12)", schema: { type: "string" } },
          {
            name: "format",
            in: "query",
            required: false,
            description: "pdf (the default) or csv",
            schema: { type: "string", enum: ["pdf", "csv"] },
          },
        ],
        responses: {
          "200": {
            description: "The pack",
            content: {
              "application/pdf": { schema: { type: "string", format: "binary" } },
              "text/csv": { schema: { type: "string" } },
            },
          },
          ...errors(400, 401, 403),
        },
      },
    },
  };
}

// ── hand-offs (docs/domain.md#hand-offs): GET /api/v1/handoffs, POST …/{id}/accept | decline ──
function handoffPaths(): Record<string, PathItem> {
  const offer = {
    type: "object",
    properties: {
      id: { type: "string" },
      status: { type: "string", enum: [...HANDOFF_STATUSES] },
      offeredAt: { type: "string", format: "date-time" },
      dueAt: { type: "string", format: "date-time", description: "the end of the acceptance SLA" },
      respondedAt: { type: ["string", "null"], format: "date-time" },
      declineReason: { type: ["string", "null"] },
      deal: {
        type: "object",
        properties: {
          name: { type: "string" },
          acvCents: { type: "integer" },
          currency: { type: "string" },
          stage: { type: "string" },
          closeDate: { type: "string", format: "date" },
          productLine: { type: "string" },
          account: {
            type: "object",
            properties: {
              name: { type: "string" },
              domain: { type: ["string", "null"] },
              country: { type: "string" },
              vertical: { type: "string" },
              tier: { type: "string" },
            },
          },
        },
      },
      opportunityId: { type: "string", description: "staff only" },
      partner: {
        type: "object",
        description: "staff only",
        properties: { id: { type: "string" }, name: { type: "string" } },
      },
      round: { type: "integer", description: "staff only" },
      offerNumber: { type: "integer", description: "staff only: 1..3 within the round" },
      rank: { type: "integer", description: "staff only: the partner's place in the ranking when offered" },
      reasons: { type: "array", items: { type: "string" }, description: "staff only: why the partner ranked there" },
    },
  };
  return {
    "/api/v1/handoffs": {
      get: {
        summary:
          "Hand-off offers (cursor pagination): a partner key sees the offers made to its company, without other " +
          "partners, the offer's number or who declined before; an admin key sees all, filtered by status, partnerId, opportunityId",
        parameters: queryParameters(handoffListQuery),
        responses: {
          "200": json({
            type: "object",
            properties: {
              data: { type: "array", items: offer },
              nextCursor: { type: ["string", "null"] },
              prevCursor: { type: ["string", "null"] },
              total: { type: "integer" },
              totalCapped: { type: "boolean" },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/handoffs/{id}/accept": {
      post: {
        summary:
          "Accept an offer made to the caller's company (partner key): the partner is attached to the deal, a touch " +
          "recorded and the partner protected; 409 when the offer was answered, expired or withdrawn meanwhile",
        parameters: [idParam],
        responses: {
          "200": json({
            type: "object",
            properties: {
              id: { type: "string" },
              opportunityId: { type: "string" },
              protectedUntil: { type: "string", format: "date-time" },
            },
          }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    "/api/v1/handoffs/{id}/decline": {
      post: {
        summary: "Decline an offer with a reason (partner key): the deal moves on to the next partner",
        parameters: [idParam],
        requestBody: { required: true, ...json(schema(declineHandoffInput)) },
        responses: {
          "200": json({ type: "object", properties: { id: { type: "string" } } }),
          ...errors(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
  };
}

// ── joint forecast (GET /api/v1/forecast; lib/db/forecast.ts, docs/domain.md#joint-forecast) ──
function forecastPaths(): Record<string, PathItem> {
  const band = {
    type: "object",
    required: ["closedWon", "commit", "expected", "low", "high"],
    properties: {
      closedWon: { type: "integer", description: "Won deals closed in the quarter (cents)" },
      commit: { type: "integer", description: "Closed-won plus open deals in negotiation expected to close in it" },
      expected: { type: "integer", description: "Closed-won plus Σ p·ACV over open deals expected to close in it" },
      low: { type: "integer", description: "Low end of the 80 % band (expected − 1.2816 σ, never below closed-won)" },
      high: { type: "integer", description: "High end of the 80 % band (expected + 1.2816 σ)" },
    },
  };
  const categories = ["DIRECT", "PARTNER_SOURCED", "PARTNER_COSELL", "PARTNER_INFLUENCED", "MARKETPLACE"];
  return {
    "/api/v1/forecast": {
      get: {
        summary:
          "The joint forecast of a quarter, in total and per attribution category, in cents (an admin key, or an " +
          "executive or channel-operations session)",
        parameters: queryParameters(forecastQuery),
        responses: {
          "200": json({
            type: "object",
            properties: {
              period: { type: "string", examples: ["2026-Q4"] },
              currency: { type: "string" },
              total: band,
              categories: { type: "object", properties: Object.fromEntries(categories.map((c) => [c, band])) },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
  };
}

// ── maturity (GET /api/v1/maturity; lib/db/maturity.ts maturityOverview, docs/domain.md#maturity) ──
function maturityPaths(): Record<string, PathItem> {
  const nullableInt = { type: ["integer", "null"] };
  const indicator = {
    type: "object",
    required: ["key", "label", "unit", "period", "value", "suggestedScore", "part", "whole"],
    properties: {
      key: { type: "string", examples: ["engineRoutedShare"] },
      label: { type: "string" },
      unit: { type: "string", enum: ["pct", "days"] },
      period: { type: "string", examples: ["2026-Q3"] },
      value: {
        type: ["number", "null"],
        description: "A share 0–1 or days; null when the quarter holds nothing to measure",
      },
      suggestedScore: { ...nullableInt, description: "The score 1–5 the measured value suggests" },
      part: { ...nullableInt, description: "What the share counts (e.g. deals routed by the engine)" },
      whole: { ...nullableInt, description: "What it is counted over (e.g. deals closed)" },
    },
  };
  const assessment = {
    type: ["object", "null"],
    properties: {
      period: { type: "string" },
      score: { type: ["number", "null"], description: "Mean of the dimension scores" },
      assessorName: { type: ["string", "null"] },
      assessedAt: { type: "string", format: "date-time" },
      dimensions: {
        type: "array",
        items: {
          type: "object",
          properties: {
            dimension: { type: "string" },
            label: { type: "string" },
            score: { type: "integer", minimum: 1, maximum: 5 },
            stage: { type: "string" },
            evidence: { type: "string" },
          },
        },
      },
    },
  };
  return {
    "/api/v1/maturity": {
      get: {
        summary:
          "Maturity per framework: the quarter's assessment (else the latest) with the indicators measured for it, " +
          "and the framework scores of every assessed quarter (an admin key, or an executive, channel-operations " +
          "or partner-manager session)",
        parameters: queryParameters(maturityQuery),
        responses: {
          "200": json({
            type: "object",
            properties: {
              period: { type: ["string", "null"] },
              frameworks: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    framework: { type: "string", enum: [...FRAMEWORKS] },
                    label: { type: "string" },
                    period: { type: "string" },
                    assessment,
                    indicators: { type: "array", items: indicator },
                  },
                },
              },
              trend: {
                type: "array",
                items: {
                  type: "object",
                  properties: { period: { type: "string" }, scores: { type: "object" } },
                },
              },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
  };
}

// ── partner scorecards (GET /api/v1/scorecards; lib/db/scorecards.ts, docs/domain.md#scorecards-and-tiers) ──
function scorecardPaths(): Record<string, PathItem> {
  const rate = { type: ["number", "null"], description: "0..1; null when there is nothing to divide" };
  const cents = { type: "integer", description: "cents" };
  return {
    "/api/v1/scorecards": {
      get: {
        summary:
          "Partner scorecards for a quarter (default: the current one): a partner key its own company, a partner " +
          "manager's session their partners, an admin key or ops/executive session every partner",
        parameters: queryParameters(scorecardQuery.pick({ period: true })),
        responses: {
          "200": json({
            type: "object",
            properties: {
              period: { type: "string", examples: ["2026-Q4"] },
              data: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    partner: {
                      type: "object",
                      properties: { id: { type: "string" }, name: { type: "string" }, tier: { type: "string" } },
                    },
                    approved: { type: "integer" },
                    rejected: { type: "integer" },
                    approvalRate: rate,
                    medianDecisionHours: { type: ["number", "null"] },
                    won: { type: "integer" },
                    lost: { type: "integer" },
                    winRate: rate,
                    sourcedPipelineCents: cents,
                    cosoldPipelineCents: cents,
                    sourcedRevenueCents: cents,
                    cosoldRevenueCents: cents,
                    conflicts: { type: "integer" },
                    conflictsWon: { type: "integer" },
                    conflictsLost: { type: "integer" },
                    handoffAcceptance: rate,
                    mdfRomi: { type: ["number", "null"], description: "null: no paid MDF in the quarter" },
                  },
                },
              },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
    },
  };
}
