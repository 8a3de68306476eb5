// Regression: JSON bodies nested thousands of levels deep crashed every POST endpoint with a 500,
// and /extension ran no body checks on a chunked request (it looked only at Content-Length), so a
// text/plain or oversized body extended protection. lib/api/body.ts now reads every body.
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { db } from "@/lib/db/client";
import { chunked, endpoints, rowCounts, type Endpoint } from "./endpoints";

let list: Endpoint[];
let approvedId: string;
beforeAll(async () => {
  const setup = await endpoints();
  list = setup.list;
  approvedId = setup.approved.id;
});

const nested = (levels: number, inner = "1") => "[".repeat(levels) + inner + "]".repeat(levels);
const nestedObject = (levels: number) => '{"a":'.repeat(levels) + "1" + "}".repeat(levels);

async function statusAndCode(res: Response) {
  const body = await res.json();
  return {
    status: res.status,
    code: body.error?.code as string | undefined,
    message: body.error?.message as string | undefined,
  };
}

describe("deeply nested JSON bodies", () => {
  for (const levels of [2_000, 100_000]) {
    it(`answers 400 on every JSON POST endpoint at ${levels.toLocaleString("en")} levels, in any field, and writes nothing`, async () => {
      const before = await rowCounts();
      for (const e of list) {
        const field = Object.keys(e.valid)[0];
        for (const text of [
          nested(levels),
          nestedObject(levels),
          JSON.stringify({ ...e.valid, [field]: "§" }).replace('"§"', nested(levels)),
        ]) {
          const res = await statusAndCode(await e.send(text));
          expect({ endpoint: e.name, ...res }).toMatchObject({ endpoint: e.name, status: 400, code: "BAD_REQUEST" });
          expect(res.message).toMatch(/nested more than 64 levels/);
        }
      }
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("still accepts nesting up to the bound, and brackets inside strings do not count", async () => {
    const route = list.find((e) => e.name === "route-decisions")!;
    const deepButFine = { ...route.valid, facts: { ...(route.valid.facts as object), note: "[[[[{{{{".repeat(100) } };
    // the fact schema refuses unknown keys with a 400 VALIDATION (not the nesting bound)
    expect(await statusAndCode(await route.send(JSON.stringify(deepButFine)))).toMatchObject({
      status: 400,
      code: "VALIDATION",
    });
    expect((await route.send(JSON.stringify(route.valid))).status).toBe(200);
    const sixtyThree = JSON.stringify({ ...route.valid, facts: JSON.parse(nested(62, "{}")) });
    expect((await statusAndCode(await route.send(sixtyThree))).code).toBe("VALIDATION");
  });
});

describe("bodies whatever their framing", () => {
  const extension = () => list.find((e) => e.name === "extension")!;
  const protection = async () =>
    db.dealRegistration.findUniqueOrThrow({
      where: { id: approvedId },
      select: { protectedUntil: true, extensionCount: true },
    });

  it("a chunked text/plain body to /extension is 415 and the extension is not applied", async () => {
    const before = await protection();
    const res = await extension().send(chunked('{"reason":"sneaky"}'), { "Content-Type": "text/plain" });
    expect(await statusAndCode(res)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await protection()).toEqual(before);
  });

  it("a chunked body without a media type is 415, a chunked body of invalid JSON 400: nothing applied", async () => {
    const before = await protection();
    expect((await extension().send(chunked('{"reason":"x"}'), {})).status).toBe(415);
    expect((await extension().send(chunked("{not json"))).status).toBe(400);
    expect((await extension().send(chunked('{"reason":"x","extra":1}'))).status).toBe(400);
    expect(await protection()).toEqual(before);
  });

  it("a chunked body over the cap is 413 on every endpoint and nothing is written", async () => {
    const before = await rowCounts();
    const big = JSON.stringify({ reason: "x".repeat(MAX_BODY_BYTES + 10) });
    for (const e of list) {
      expect({ endpoint: e.name, ...(await statusAndCode(await e.send(chunked(big)))) }).toMatchObject({
        endpoint: e.name,
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
      });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("an extension with no body at all still extends (the reason is optional), chunked or not", async () => {
    const before = await protection();
    const res = await extension().send(null, {});
    expect(res.status).toBe(200);
    expect((await protection()).extensionCount).toBe(before.extensionCount + 1);
    // an empty chunked stream is a body of zero bytes too
    const empty = await extension().send(chunked(""), {});
    expect(empty.status).toBe(200);
    expect((await protection()).extensionCount).toBe(before.extensionCount + 2);
  });
});
