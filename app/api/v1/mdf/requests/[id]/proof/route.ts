import { apiRoute, json } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { readProofUpload } from "@/lib/api/mdf-upload";
import { getMdfProof } from "@/lib/db/mdf";
import { claimMdf } from "@/lib/db/mdf-writes";
import { readProof, removeProof, saveProof } from "@/lib/mdf/proof-store";

// POST /api/v1/mdf/requests/{id}/proof (docs/domain.md#mdf): the partner claims its approved request
// with a proof file (multipart, field "file"; at most 10 MB; PDF, PNG or JPEG by content). Another
// partner's request is 404, a request not approved 409; nothing is stored when a check fails.
export const POST = apiRoute<{ id: string }>(async (req, ctx, { id }) => {
  const upload = await readProofUpload(req);
  const stored = await saveProof(upload.bytes, upload.type);
  try {
    const result = await claimMdf(ctx, id, {
      path: stored,
      name: upload.name,
      type: upload.type,
      bytes: upload.bytes.byteLength,
    });
    return json(result);
  } catch (error) {
    await removeProof(stored);
    throw error;
  }
});

// GET /api/v1/mdf/requests/{id}/proof: the proof file, for whoever may read the request.
export const GET = apiRoute<{ id: string }>(async (_req, ctx, { id }) => {
  const proof = await getMdfProof(ctx, id);
  const bytes = await readProof(proof.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw notFound("Proof");
    throw error;
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": proof.type,
      "content-disposition": `attachment; filename="${proof.name.replace(/"/g, "")}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
