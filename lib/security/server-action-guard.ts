// Checks a server-action POST (one carrying the Next-Action header) in proxy.ts, before Next.js
// decodes it. Next.js refuses a cross-site action itself, but by throwing, so the refusal reaches
// the client and the logs as a 500 with a digest; and React's reply decoder recurses per nesting
// level, so a deeply nested body overflows the stack inside the framework, where defineAction
// (lib/actions/define-action.ts) never sees it. Here both become ordinary 4xx answers in the
// API's error envelope.
import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/api/origin";
import { AppError } from "@/lib/errors";
import { jsonTextTooDeep, MAX_JSON_DEPTH } from "@/lib/validation/json-depth";

// the same as experimental.serverActions.bodySizeLimit in next.config.ts ("3mb")
const SERVER_ACTION_MAX_BODY_BYTES = 3 * 1024 * 1024;

export function isServerActionRequest(request: NextRequest): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

/** A 4xx response for an action request that must not reach the framework, else null. */
export async function refuseServerAction(request: NextRequest): Promise<NextResponse | null> {
  try {
    if (!isSameOrigin(request.headers)) throw new AppError("FORBIDDEN", "Cross-site request refused");
    const bytes = await readCapped(request.clone());
    if (await tooDeep(request.headers.get("content-type") ?? "", bytes)) {
      throw new AppError("BAD_REQUEST", `The request is nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`[proxy] server action refused (${error.status}): ${error.userMessage}`);
    return NextResponse.json({ error: { code: error.code, message: error.userMessage } }, { status: error.status });
  }
}

async function readCapped(request: Request): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= SERVER_ACTION_MAX_BODY_BYTES) chunks.push(value);
  }
  // Read to the end rather than cancel: Next.js copies the body for the proxy (up to
  // experimental.proxyClientMaxBodySize, 10 MB by default), and cancelling one branch of a cloned
  // stream waits for the other, so the 413 would never be sent.
  if (size > SERVER_ACTION_MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request is larger than 3 MB");
  return Buffer.concat(chunks);
}

/** Action arguments travel as one JSON text, or as multipart fields each holding JSON (or files). */
async function tooDeep(contentType: string, bytes: Buffer): Promise<boolean> {
  if (!/^multipart\/form-data/i.test(contentType)) return jsonTextTooDeep(new TextDecoder().decode(bytes));
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The request is not valid multipart form data");
  }
  for (const value of form.values()) {
    if (typeof value === "string" && /^\s*[[{]/.test(value) && jsonTextTooDeep(value)) return true;
  }
  return false;
}
