// POST /api/v1/conflicts[/{id}/comments|escalate|resolve] through the real route handlers with API
// keys: status codes and the error envelope (field messages), scoping (another partner's case is
// 404 and nothing is written), a split not adding up to 100 is 422 with nothing written.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as raise } from "@/app/api/v1/conflicts/route";
import { POST as comment } from "@/app/api/v1/conflicts/[id]/comments/route";
import { POST as escalate } from "@/app/api/v1/conflicts/[id]/escalate/route";
import { POST as resolve } from "@/app/api/v1/conflicts/[id]/resolve/route";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { ctxFor } from "../../support/contexts";
import { duplicateCase } from "./helpers";

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

function post(handler: Handler, key: string, path: string, body: unknown, params: Record<string, string> = {}) {
  const req = new NextRequest(`http://localhost${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return handler(req, { params: Promise.resolve(params) });
}

let keys: { alice: string; bob: string; carla: string; ops: string };
beforeAll(async () => {
  const key = async (email: string, scope: "PARTNER" | "ADMIN") =>
    (await createApiKey(await ctxFor(email), { name: "conflict api tests", scope })).key;
  keys = {
    alice: await key("alice@northwind.test", "PARTNER"),
    bob: await key("bob@contoso.test", "PARTNER"),
    carla: await key("carla@fabrikam.test", "PARTNER"),
    ops: await key("ops@accord.test", "ADMIN"),
  };
});

const counts = async (conflictId: string) => ({
  events: await db.conflictEvent.count({ where: { conflictId } }),
  audit: await db.auditEvent.count({ where: { entityId: conflictId } }),
});

describe("conflict write API", () => {
  it("a partner comments on its case (200); another partner gets 404 and nothing is written", async () => {
    const c = await duplicateCase();
    const ok = await post(
      comment as Handler,
      keys.alice,
      `/api/v1/conflicts/${c.id}/comments`,
      { body: "Our evidence is attached" },
      { id: c.id },
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ conflictId: c.id });
    const before = await counts(c.id);
    const foreign = await post(
      comment as Handler,
      keys.carla,
      `/api/v1/conflicts/${c.id}/comments`,
      { body: "Let me in" },
      { id: c.id },
    );
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("NOT_FOUND");
    expect(await counts(c.id)).toEqual(before);
  });

  it("a partner may not escalate or resolve (403); unknown fields are 400 with the field named", async () => {
    const c = await duplicateCase();
    const esc = await post(
      escalate as Handler,
      keys.alice,
      `/api/v1/conflicts/${c.id}/escalate`,
      { reason: "Please decide" },
      { id: c.id },
    );
    expect(esc.status).toBe(403);
    const res = await post(
      resolve as Handler,
      keys.alice,
      `/api/v1/conflicts/${c.id}/resolve`,
      { resolution: "DISMISSED", rationale: "mine" },
      { id: c.id },
    );
    expect(res.status).toBe(403);
    const extra = await post(
      comment as Handler,
      keys.alice,
      `/api/v1/conflicts/${c.id}/comments`,
      { body: "x", level: 4 },
      { id: c.id },
    );
    expect(extra.status).toBe(400);
  });

  it("channel operations escalate, then resolve with a split; a split not adding up to 100 is 422 with nothing written", async () => {
    const c = await duplicateCase();
    const esc = await post(
      escalate as Handler,
      keys.ops,
      `/api/v1/conflicts/${c.id}/escalate`,
      { reason: "Both have evidence", expectedLevel: 1 },
      { id: c.id },
    );
    expect(esc.status).toBe(200);
    expect(await esc.json()).toMatchObject({ fromLevel: 1, toLevel: 2 });
    const before = await counts(c.id);
    const bad = await post(
      resolve as Handler,
      keys.ops,
      `/api/v1/conflicts/${c.id}/resolve`,
      {
        resolution: "SPLIT",
        rationale: "Both worked it",
        splits: [
          { partyId: c.aliceParty, creditPct: 50 },
          { partyId: c.bobParty, creditPct: 49 },
        ],
      },
      { id: c.id },
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.splits[0]).toMatch(/exactly 100 \(they add up to 99\)/);
    expect(await counts(c.id)).toEqual(before);
    const good = await post(
      resolve as Handler,
      keys.ops,
      `/api/v1/conflicts/${c.id}/resolve`,
      {
        resolution: "SPLIT",
        rationale: "Both worked it",
        tags: ["joint"],
        splits: [
          { partyId: c.aliceParty, creditPct: 50 },
          { partyId: c.bobParty, creditPct: 50 },
        ],
        expectedLevel: 2,
      },
      { id: c.id },
    );
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ id: c.id, resolution: "SPLIT" });
    const again = await post(
      resolve as Handler,
      keys.ops,
      `/api/v1/conflicts/${c.id}/resolve`,
      { resolution: "DISMISSED", rationale: "again" },
      { id: c.id },
    );
    expect(again.status).toBe(409);
  });

  it("a partner raises 'I was here first' (201) once the earlier case is closed; an open case on it is 409 naming it", async () => {
    const c = await duplicateCase();
    const open = await post(raise as Handler, keys.bob, "/api/v1/conflicts", {
      registrationId: c.bobReg,
      note: "We were first",
    });
    expect(open.status).toBe(409);
    expect((await open.json()).error.fields.conflictId).toEqual([c.id]);
    await post(
      resolve as Handler,
      keys.ops,
      `/api/v1/conflicts/${c.id}/resolve`,
      { resolution: "DISMISSED", rationale: "Review both" },
      { id: c.id },
    );
    const created = await post(raise as Handler, keys.bob, "/api/v1/conflicts", {
      registrationId: c.bobReg,
      note: "We were first",
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ type: "DUPLICATE_REGISTRATION", level: 1 });
    const theirs = await post(raise as Handler, keys.carla, "/api/v1/conflicts", {
      registrationId: c.bobReg,
      note: "Not ours",
    });
    expect(theirs.status).toBe(404);
  });
});
