// The one way a /api/v1 route handler reads its body, whatever the framing (Content-Length or
// chunked): media type (415), a size cap counted while streaming (413), JSON syntax (400), a
// nesting bound checked on the text before parsing (400), NUL characters (400), then the strict
// zod schema (400 with fields). An endpoint whose body is optional (`{ optional: true }`) treats a
// body of zero bytes as `{}`, and only that: any byte sent goes through every check.
import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonTextTooDeep, MAX_JSON_DEPTH } from "@/lib/validation/json-depth";
import { assertNoNul } from "@/lib/validation/nul";

export const MAX_BODY_BYTES = 1024 * 1024;
// After the cap is hit the rest of the upload is read and thrown away (up to this much more), so
// the client, still sending, receives the 413 instead of a reset connection; beyond it we hang up.
const DRAIN_BYTES = 16 * MAX_BODY_BYTES;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB");

export async function readBody<S extends z.ZodType>(
  req: NextRequest,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.infer<S>> {
  const type = req.headers.get("content-type");
  if (type !== null && !isJson(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    drain(req.body?.getReader(), 0);
    throw tooLarge();
  }
  const bytes = await readCapped(req);
  if (bytes.byteLength === 0 && options.optional) return schema.parse({});
  if (type === null) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (jsonTextTooDeep(text))
    throw new AppError("BAD_REQUEST", `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON");
  }
  assertNoNul(data);
  return schema.parse(data);
}

function isJson(type: string): boolean {
  return /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(type);
}

async function readCapped(req: NextRequest): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      drain(reader, size);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads and discards the rest of an over-large body in the background, then lets go of it. */
function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, alreadyRead: number): void {
  if (!reader) return;
  void (async () => {
    let size = alreadyRead;
    try {
      while (size <= DRAIN_BYTES) {
        const { done, value } = await reader.read();
        if (done) return;
        size += value.byteLength;
      }
      await reader.cancel();
    } catch {
      // the client went away: nothing left to drain
    }
  })();
}
