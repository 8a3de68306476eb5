// The MDF API through the real route handlers (API-key authentication, multipart upload, error
// envelope): a request over the balance is 422 with the field; a proof that is too large or not a
// PDF/PNG/JPEG by its content is refused with a 4xx and nothing is written (no file, no status
// change, no audit row); a good proof claims the request and downloads again for its owner only.
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as download, POST as upload } from "@/app/api/v1/mdf/requests/[id]/proof/route";
import { POST as decide } from "@/app/api/v1/mdf/requests/[id]/decision/route";
import { POST as pay } from "@/app/api/v1/mdf/requests/[id]/pay/route";
import { GET as list, POST as create } from "@/app/api/v1/mdf/requests/route";
import type { Ctx } from "@/lib/auth/types";
import { createApiKey } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { ctxFor, partnerIdOf } from "../../support/contexts";

const dir = mkdtempSync(path.join(os.tmpdir(), "mdf-proofs-"));
beforeAll(() => {
  process.env.MDF_PROOF_DIR = dir;
});

async function keyOf(ctx: Ctx) {
  return (await createApiKey(ctx, { name: "mdf tests", scope: ctx.role === "PARTNER" ? "PARTNER" : "ADMIN" })).key;
}

function jsonReq(p: string, key: string, body?: unknown) {
  return new NextRequest(`http://localhost${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function fileReq(id: string, key: string, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return new NextRequest(`http://localhost/api/v1/mdf/requests/${id}/proof`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}` },
    body: form,
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const none = { params: Promise.resolve({}) };
const PDF = new TextEncoder().encode("%PDF-1.4\n% proof of the webinar\n%%EOF\n");

async function approvedRequest() {
  const alice = await keyOf(await ctxFor("alice@northwind.test"));
  const pm = await keyOf(await ctxFor("ops@accord.test")); // partner managers hold no API keys
  const fund = await db.mdfFund.create({
    data: { quarter: "2028-Q1", partnerId: await partnerIdOf("Northwind Systems"), allocatedCents: 1_000_000n },
    select: { id: true },
  });
  const over = await create(
    jsonReq("/api/v1/mdf/requests", alice, {
      fundId: fund.id,
      activity: "Partner summit",
      amount: "10,000.01",
      expectedPipeline: "1",
    }),
    none,
  );
  expect(over.status).toBe(422);
  expect((await over.json()).error.fields.amount).toBeDefined();
  const res = await create(
    jsonReq("/api/v1/mdf/requests", alice, {
      fundId: fund.id,
      activity: "Partner summit",
      amount: "4,000",
      expectedPipeline: "90000",
    }),
    none,
  );
  expect(res.status).toBe(201);
  const { id } = await res.json();
  const ok = await decide(jsonReq(`/api/v1/mdf/requests/${id}/decision`, pm, { decision: "approve" }), params(id));
  expect(ok.status).toBe(200);
  return { id, alice };
}

async function unchanged(id: string) {
  const row = await db.mdfRequest.findUniqueOrThrow({ where: { id }, select: { status: true, proofPath: true } });
  expect(row).toEqual({ status: "APPROVED", proofPath: null });
  expect(await db.auditEvent.count({ where: { entityId: id, action: "mdf.claim" } })).toBe(0);
  expect(readdirSync(dir)).toEqual([]);
}

describe("MDF proof upload", () => {
  it("refuses a file that only claims to be a PDF (415) and one over 10 MB (413), writing nothing", async () => {
    const { id, alice } = await approvedRequest();
    const fake = await upload(
      fileReq(id, alice, new TextEncoder().encode("MZ not a pdf"), "proof.pdf", "application/pdf"),
      params(id),
    );
    expect(fake.status).toBe(415);
    expect((await fake.json()).error.fields.file).toBeDefined();
    await unchanged(id);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const large = await upload(fileReq(id, alice, big, "proof.pdf", "application/pdf"), params(id));
    expect(large.status).toBe(413);
    await unchanged(id);
  });

  it("claims with a real PDF, which its owner downloads and another partner cannot", async () => {
    const { id, alice } = await approvedRequest();
    const bob = await keyOf(await ctxFor("bob@contoso.test"));
    const foreign = await upload(fileReq(id, bob, PDF, "proof.pdf", "application/pdf"), params(id));
    expect(foreign.status).toBe(404);
    expect(readdirSync(dir)).toEqual([]);
    const res = await upload(fileReq(id, alice, PDF, "webinar invoice.pdf", "application/octet-stream"), params(id));
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("CLAIMED");
    expect(readdirSync(dir)).toHaveLength(1);
    const got = await download(jsonReq(`/api/v1/mdf/requests/${id}/proof`, alice), params(id));
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PDF);
    expect((await download(jsonReq(`/api/v1/mdf/requests/${id}/proof`, bob), params(id))).status).toBe(404);
    // a second claim is 409 and leaves no second file behind
    expect((await upload(fileReq(id, alice, PDF, "again.pdf", "application/pdf"), params(id))).status).toBe(409);
    expect(readdirSync(dir)).toHaveLength(1);
    const ops = await keyOf(await ctxFor("ops@accord.test"));
    expect((await pay(jsonReq(`/api/v1/mdf/requests/${id}/pay`, alice, {}), params(id))).status).toBe(403);
    expect((await pay(jsonReq(`/api/v1/mdf/requests/${id}/pay`, ops, {}), params(id))).status).toBe(200);
    const mine = await (await list(jsonReq("/api/v1/mdf/requests?status=PAID", alice), none)).json();
    expect(mine.rows.map((r: { id: string }) => r.id)).toContain(id);
    const theirs = await (await list(jsonReq("/api/v1/mdf/requests", bob), none)).json();
    expect(theirs.rows.map((r: { id: string }) => r.id)).not.toContain(id);
  });
});
