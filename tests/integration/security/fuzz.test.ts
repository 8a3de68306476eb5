// Regression guard for issue 8: malformed JSON bodies (deep nesting, NUL, type swaps, huge numbers)
// answered 500 on the POST endpoints. Property: whatever the body, every JSON POST endpoint answers
// below 500, and a 4xx writes nothing (registrations, audit, conflicts, route decisions,
// opportunities, extensions, events keep their row counts); and a body the endpoint's schema
// refuses is never accepted (the extension once skipped every check when Content-Length was absent).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonTextTooDeep } from "@/lib/validation/json-depth";
import { endpoints, rowCounts, type Endpoint } from "./endpoints";

const DEEP = "__deep_placeholder__";

const scalar = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0.01,
    1e308,
    -1e308,
    2 ** 31,
    -(2 ** 63),
    Number.MAX_SAFE_INTEGER + 2,
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\u202E",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈",
    "2026-02-30",
    "9999-12-31T23:59:59Z",
    "NaN",
    "-Infinity",
    "1e400",
    "__proto__",
    "constructor",
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => Number(b)),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ maxLength: 3000 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), scalar, { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }) },
  { weight: 1, arbitrary: fc.constant(DEEP) },
);

/** Every path to a value inside `obj` ("account", "account.name", …). */
function paths(obj: unknown, prefix: string[] = []): string[][] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [];
  return Object.entries(obj).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

function setAt(obj: Record<string, unknown>, path: string[], to: unknown, remove = false): Record<string, unknown> {
  const [head, ...rest] = path;
  const copy = { ...obj };
  if (!rest.length) {
    if (remove) delete copy[head];
    else copy[head] = to;
  } else copy[head] = setAt(copy[head] as Record<string, unknown>, rest, to, remove);
  return copy;
}

type Mutation =
  | { kind: "replace" | "remove"; path: string[]; to: unknown }
  | { kind: "unknown-key"; key: string; to: unknown }
  | { kind: "array-for-object" | "value-as-body" | "truncate"; to: unknown; cut: number };

function bodyFor(valid: Record<string, unknown>, m: Mutation, depth: number): string {
  let data: unknown;
  switch (m.kind) {
    case "replace":
    case "remove":
      data = setAt(valid, m.path, m.to, m.kind === "remove");
      break;
    case "unknown-key":
      data = { ...valid, [m.key]: m.to };
      break;
    case "array-for-object":
      data = [valid];
      break;
    case "value-as-body":
      data = m.to;
      break;
    case "truncate": {
      const text = JSON.stringify(valid);
      return text.slice(0, m.cut % text.length);
    }
  }
  const deep = "[".repeat(depth) + "{}" + "]".repeat(depth);
  return (JSON.stringify(data) ?? "null").replaceAll(JSON.stringify(DEEP), deep);
}

function mutation(valid: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const ps = paths(valid);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ kind: fc.constant("replace" as const), path: fc.constantFrom(...ps), to: value }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("remove" as const),
        path: fc.constantFrom(...ps),
        to: fc.constant(null),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("unknown-key" as const),
        key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "a\u0000")),
        to: value,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom("array-for-object" as const, "value-as-body" as const, "truncate" as const),
        to: value,
        cut: fc.nat(),
      }),
    },
  );
}

/** Whether the endpoint's own schema (or JSON itself) refuses the body: then it must not succeed. */
function refused(e: Endpoint, text: string): boolean {
  if (!e.schema) return false;
  if (jsonTextTooDeep(text) || text.includes("\\u0000")) return true;
  try {
    return !e.schema.safeParse(JSON.parse(text)).success;
  } catch {
    return true;
  }
}

let list: Endpoint[];
beforeAll(async () => {
  list = (await endpoints()).list;
});

describe("fuzzed JSON bodies on every JSON POST endpoint", () => {
  for (const name of [
    "registrations",
    "decision",
    "extension",
    "route-decisions",
    "simulations",
    "conflict-comments",
    "conflict-resolve",
  ]) {
    it(`${name}: never 5xx, and a 4xx writes nothing`, async () => {
      const e = list.find((x) => x.name === name)!;
      await fc.assert(
        fc.asyncProperty(mutation(e.valid), fc.integer({ min: 1, max: 5_000 }), async (m, depth) => {
          const before = await rowCounts();
          const body = bodyFor(e.valid, m, depth);
          const res = await e.send(body);
          const text = await res.text();
          expect(res.status, text).toBeLessThan(500);
          if (refused(e, body)) expect(res.status, text).toBeGreaterThanOrEqual(400);
          // the simulation streams: a failure inside it would arrive as an error line with 200
          expect(text).not.toMatch(/"type":"error"/);
          if (res.status >= 400) {
            expect(JSON.parse(text).error.code).toBeTypeOf("string");
            expect(await rowCounts()).toEqual(before);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
