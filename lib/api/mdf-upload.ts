// Reads an MDF proof upload (multipart/form-data, field "file"): the body is counted while it
// streams and refused past the cap (413), then the file's type is taken from its first bytes (415
// unless PDF, PNG or JPEG). Nothing is stored here; the route stores it only after these checks.
import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { MDF_PROOF_MAX_BYTES, sniffProofType, type MdfProofType } from "@/lib/validation/mdf";

// the multipart framing and the other fields around the file
const FRAMING_BYTES = 64 * 1024;
const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", "The proof file is larger than 10 MB", { file: ["At most 10 MB"] });

export type Upload = { bytes: Uint8Array; name: string; type: MdfProofType };

async function readCapped(req: NextRequest, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = req.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function readProofUpload(req: NextRequest): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the proof as multipart/form-data with a field named file");
  const cap = MDF_PROOF_MAX_BYTES + FRAMING_BYTES;
  if (Number(req.headers.get("content-length") ?? "0") > cap) throw tooLarge();
  const body = await readCapped(req, cap);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The multipart body could not be read");
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0)
    throw new AppError("VALIDATION", "Attach the proof file", { file: ["Attach a PDF, PNG or JPEG"] });
  if (file.size > MDF_PROOF_MAX_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffProofType(bytes);
  if (!sniffed)
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The proof must be a PDF, PNG or JPEG file", {
      file: ["Not a PDF, PNG or JPEG (checked by its content)"],
    });
  const name = (file.name || "proof").replace(/[^\w. -]/g, "_").slice(0, 120);
  return { bytes, name, type: sniffed };
}
