// OpenAPI entries of the MDF routes (app/api/v1/mdf, docs/domain.md#mdf), merged by lib/api/openapi.ts.
const json = (s: unknown) => ({ content: { "application/json": { schema: s } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const error = {
  description: "Refused (error.code, error.message, error.fields)",
  ...json({ $ref: "#/components/schemas/Error" }),
};
const errors = (...codes: number[]) => Object.fromEntries([...codes, 503].map((c) => [String(c), error]));

const request = {
  type: "object",
  properties: {
    id: { type: "string" },
    status: { type: "string", enum: ["REQUESTED", "APPROVED", "REJECTED", "CLAIMED", "PAID"] },
    activity: { type: "string" },
    amountCents: { type: "integer" },
    expectedPipelineCents: { type: "integer" },
    partnerName: { type: "string" },
    fundQuarter: { type: "string" },
    fundOwner: { type: "string", description: "the partner or the motion the fund is for" },
    requestedAt: { type: "string", format: "date-time" },
    decidedAt: { type: ["string", "null"], format: "date-time" },
    decisionReason: { type: ["string", "null"] },
    claimedAt: { type: ["string", "null"], format: "date-time" },
    proofName: { type: ["string", "null"] },
    paidAt: { type: ["string", "null"], format: "date-time" },
  },
};
const result = json({ type: "object", properties: { id: { type: "string" }, status: request.properties.status } });

export function mdfPaths(): Record<string, Record<string, unknown>> {
  return {
    "/api/v1/mdf/funds": {
      get: {
        summary:
          "MDF funds in the caller's scope (a partner key its own) with allocated, committed, spent, balance and expiry",
        responses: {
          "200": json({ type: "object", properties: { data: { type: "array", items: { type: "object" } } } }),
          ...errors(401, 403),
        },
      },
    },
    "/api/v1/mdf/requests": {
      get: {
        summary: "MDF requests in the caller's scope, 25 a page, with the count per status",
        parameters: [
          { name: "status", in: "query", schema: request.properties.status },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": json({
            type: "object",
            properties: {
              rows: { type: "array", items: request },
              total: { type: "integer" },
              page: { type: "integer" },
              pages: { type: "integer" },
              counts: { type: "object", additionalProperties: { type: "integer" } },
            },
          }),
          ...errors(400, 401, 403),
        },
      },
      post: {
        summary:
          "Request MDF for an activity (partner key), amounts in dollars: the amount is reserved on the fund at once; " +
          "more than the fund's balance or an expired fund is 422 with the field",
        requestBody: {
          required: true,
          ...json({
            type: "object",
            additionalProperties: false,
            required: ["fundId", "activity", "amount", "expectedPipeline"],
            properties: {
              fundId: { type: "string" },
              activity: { type: "string", minLength: 5, maxLength: 500 },
              amount: { type: ["string", "number"], description: 'dollars, e.g. "12,500"' },
              expectedPipeline: { type: ["string", "number"], description: "dollars" },
            },
          }),
        },
        responses: { "201": result, ...errors(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    "/api/v1/mdf/requests/{id}/decision": {
      post: {
        summary:
          "Approve or reject a request (the partner's manager or channel operations); a rejection needs a reason",
        parameters: [idParam],
        requestBody: {
          required: true,
          ...json({
            type: "object",
            additionalProperties: false,
            required: ["decision"],
            properties: { decision: { type: "string", enum: ["approve", "reject"] }, reason: { type: "string" } },
          }),
        },
        responses: { "200": result, ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/mdf/requests/{id}/proof": {
      post: {
        summary:
          "Claim an approved request with its proof (partner key): multipart/form-data, field `file`, at most 10 MB, " +
          "PDF, PNG or JPEG as recognised by its content (413, 415 otherwise; nothing is stored)",
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: { file: { type: "string", format: "binary" } },
              },
            },
          },
        },
        responses: { "200": result, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
      get: {
        summary: "Download the proof of a claimed request (whoever may read the request; another partner's is 404)",
        parameters: [idParam],
        responses: {
          "200": { content: { "application/pdf": {}, "image/png": {}, "image/jpeg": {} } },
          ...errors(401, 403, 404),
        },
      },
    },
    "/api/v1/mdf/requests/{id}/pay": {
      post: {
        summary: "Mark a claimed request paid (admin key): the amount moves from committed to spent",
        parameters: [idParam],
        responses: { "200": result, ...errors(401, 403, 404, 409) },
      },
    },
  };
}
