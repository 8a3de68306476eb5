// JSON-safe copies of rows: BigInt money becomes a number of cents (exact up to 2^53 cents,
// ~90 trillion dollars) and Dates become ISO strings.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return value as JsonValue;
}
