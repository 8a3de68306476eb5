// Where MDF proof files live (docs/domain.md#mdf): on disk under MDF_PROOF_DIR (default
// data/mdf-proofs), each under a generated name; the uploader's file name is kept only as a label.
// The upload route checks size and type (by content, lib/validation/mdf.ts) before anything is
// written, and removes the file again when the claim's transaction fails.
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MdfProofType } from "@/lib/validation/mdf";

const EXT: Record<MdfProofType, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };

function proofDir(): string {
  return path.resolve(process.env.MDF_PROOF_DIR || path.join("data", "mdf-proofs"));
}

/** A stored name is ours: a UUID and a known extension, never a path. */
function resolveStored(name: string): string {
  if (!/^[0-9a-f-]{36}\.(pdf|png|jpg)$/.test(name)) throw new Error(`not a stored proof name: ${name}`);
  return path.join(proofDir(), name);
}

export async function saveProof(bytes: Uint8Array, type: MdfProofType): Promise<string> {
  const name = `${randomUUID()}.${EXT[type]}`;
  await mkdir(proofDir(), { recursive: true });
  await writeFile(resolveStored(name), bytes, { flag: "wx" });
  return name;
}

export function readProof(name: string): Promise<Buffer> {
  return readFile(resolveStored(name));
}

export async function removeProof(name: string): Promise<void> {
  await rm(resolveStored(name), { force: true });
}
