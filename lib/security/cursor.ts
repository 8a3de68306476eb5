// Opaque list cursors. A cursor names a position in a sorted list (the row's sort value and id)
// and carries an HMAC over that position AND the list's scope (which list, sort and direction, and
// who asked). So a cursor is not a guessable input: an id typed into `?after=`, a cursor minted for
// another partner or another sort, or an edited one all fail to verify, and the list is resolved
// from the signed position inside the caller's own `where` (lib/db/pagination.ts), never by looking
// a row up by id.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

export type CursorValue = string | number | bigint | Date | null;
export type Position = { value: CursorValue; id: string };

// The tag keeps a value's type through JSON, so a date comes back as a Date and ACV as a bigint.
type Encoded =
  ["s", string, string] | ["d", string, string] | ["b", string, string] | ["i", string, string] | ["n", null, string];

const DOMAIN = "accord:list-cursor:v1";

function key(): Buffer {
  // derived, so the session-signing secret is never used directly for a second purpose
  return createHmac("sha256", authSecret()).update(DOMAIN).digest();
}

function sign(scope: string, payload: string): Buffer {
  return createHmac("sha256", key()).update(`${scope}\n${payload}`).digest();
}

function encodeValue(value: CursorValue, id: string): Encoded {
  if (value === null) return ["n", null, id];
  if (typeof value === "bigint") return ["b", value.toString(), id];
  if (typeof value === "number") return ["i", String(value), id];
  if (value instanceof Date) return ["d", value.toISOString(), id];
  return ["s", value, id];
}

function decodeValue(data: unknown): Position | null {
  if (!Array.isArray(data) || data.length !== 3 || typeof data[2] !== "string") return null;
  const [tag, raw, id] = data as [unknown, unknown, string];
  if (tag === "n" && raw === null) return { value: null, id };
  if (typeof raw !== "string") return null;
  if (tag === "s") return { value: raw, id };
  if (tag === "b" && /^-?\d{1,20}$/.test(raw)) return { value: BigInt(raw), id };
  if (tag === "i" && /^-?\d{1,15}$/.test(raw)) return { value: Number(raw), id };
  if (tag === "d") {
    const at = new Date(raw);
    return Number.isNaN(at.getTime()) ? null : { value: at, id };
  }
  return null;
}

/** `<payload>.<signature>`, both base64url: safe in a query string as it is. */
export function encodeCursor(scope: string, position: Position): string {
  const payload = Buffer.from(JSON.stringify(encodeValue(position.value, position.id))).toString("base64url");
  return `${payload}.${sign(scope, payload).toString("base64url")}`;
}

/** The position, or null when the cursor was not minted by this app for this scope. */
export function decodeCursor(scope: string, cursor: string): Position | null {
  const parts = cursor.split(".");
  if (parts.length !== 2) return null;
  const [payload, signature] = parts;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(scope, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return decodeValue(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}
