// MDF requests in every state (docs/domain.md#mdf) on the first funded partners' funds: this
// quarter's wait for a decision, are approved, rejected or claimed; last quarter's are paid and a won
// deal of the partner is linked to each, chosen so the ROMI is a believable multiple (about 6×, 14× and
// 22× for the three partners, not the 100× that linking the first deals gave). Claimed and paid
// requests carry a real proof file (a small generated PDF, written by writeMdfProofs), so the demo's
// download works. Deterministic: amounts are a share of each fund's balance, no random draws (the funds'
// own draws stay as they were).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { IdSequence } from "./ids";
import type { SeedOpportunity } from "./opportunities";
import { addDays, quarterLabel, quarterStart } from "./time";
import { type World, staffUser } from "./world";

const ACTIVITIES = [
  "Joint webinar for IT directors",
  "Regional roadshow, three cities",
  "Trade-show booth share",
  "Customer proof-of-concept workshop",
  "Paid search campaign",
] as const;

type Plan = { status: "REQUESTED" | "APPROVED" | "REJECTED" | "CLAIMED" | "PAID"; quarterOffset: 0 | -1 };
const PLANS: readonly Plan[] = [
  { status: "REQUESTED", quarterOffset: 0 },
  { status: "APPROVED", quarterOffset: 0 },
  { status: "REJECTED", quarterOffset: 0 },
  { status: "CLAIMED", quarterOffset: 0 },
  { status: "PAID", quarterOffset: -1 },
];

/** The ROMI each of the three partners' paid request should show, roughly (the closest won deal decides). */
const ROMI_TARGETS = [6, 14, 22] as const;

/** A stored proof name (lib/mdf/proof-store.ts: a UUID and an extension) derived from the request's id. */
function proofFileName(requestId: string): string {
  const hex = [...requestId].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
  const h = hex.padStart(32, "0").slice(-32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}.pdf`;
}

/** A one-page PDF saying what it proves: enough for any viewer, and for the upload route's content check. */
function proofPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, " ").slice(0, 80);
  const stream = `BT /F1 14 Tf 72 720 Td (Proof of activity: ${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/**
 * Writes the seeded requests' proof files under MDF_PROOF_DIR (default data/mdf-proofs), as the
 * upload route would have; an existing file is left alone (a second seed of the same demo).
 */
export async function writeMdfProofs(rows: readonly Prisma.MdfRequestCreateManyInput[]): Promise<void> {
  const dir = path.resolve(process.env.MDF_PROOF_DIR || path.join("data", "mdf-proofs"));
  const proofs = rows.filter((r) => r.proofPath);
  if (proofs.length === 0) return;
  await mkdir(dir, { recursive: true });
  for (const r of proofs)
    await writeFile(path.join(dir, r.proofPath!), proofPdf(r.activity), { flag: "w" }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    });
}

export function generateMdfRequests(world: World, opps: readonly SeedOpportunity[]): void {
  const ids = new IdSequence("mdfreq");
  const ops = staffUser(world, "ops");
  const funds = world.rows.mdfFunds;
  const partners = world.partners.filter((p) => funds.some((f) => f.partnerId === p.id)).slice(0, 3);
  partners.forEach((p, partnerIndex) => {
    PLANS.forEach((plan, i) => {
      const quarter = quarterLabel(quarterStart(world.now, plan.quarterOffset));
      const fund = funds.find((f) => f.partnerId === p.id && f.quarter === quarter);
      if (!fund) return;
      const allocated = BigInt(fund.allocatedCents as bigint);
      const spent = BigInt((fund.spentCents as bigint | undefined) ?? 0n);
      // a paid request is part of the spend already seeded; the others take a tenth of what is left
      const base = plan.status === "PAID" ? spent / 4n : (allocated - spent) / 10n;
      const amount = (base / 10_000n) * 10_000n; // whole $100s
      if (amount <= 0n) return;
      const at = addDays(quarterStart(world.now, plan.quarterOffset), 5 + i * 3);
      const decided = plan.status !== "REQUESTED";
      const claimed = plan.status === "CLAIMED" || plan.status === "PAID";
      const id = ids.next();
      const proof = claimed ? proofPdf(ACTIVITIES[i]) : null;
      const row: Prisma.MdfRequestCreateManyInput = {
        id,
        fundId: fund.id!,
        partnerId: p.id,
        activity: ACTIVITIES[i],
        amountCents: amount,
        expectedPipelineCents: amount * 20n,
        status: plan.status,
        requestedById: p.userId,
        requestedAt: at,
        decidedById: decided ? p.managerId : null,
        decidedAt: decided ? addDays(at, 2) : null,
        decisionReason:
          plan.status === "REJECTED" ? "Outside this quarter's plan: propose it again next quarter" : null,
        claimedById: claimed ? p.userId : null,
        claimedAt: claimed ? addDays(at, 20) : null,
        proofPath: proof ? proofFileName(id) : null,
        proofName: proof ? `${ACTIVITIES[i].toLowerCase().replace(/[^a-z0-9]+/g, "-")}-invoice.pdf` : null,
        proofType: proof ? "application/pdf" : null,
        proofBytes: proof ? proof.length : null,
        paidById: plan.status === "PAID" ? ops.id : null,
        paidAt: plan.status === "PAID" ? addDays(at, 25) : null,
      };
      world.rows.mdfRequests.push(row);
      if (plan.status !== "PAID" && plan.status !== "REJECTED")
        fund.committedCents = BigInt((fund.committedCents as bigint | undefined) ?? 0n) + amount;
      if (plan.status === "PAID") {
        // the won deal whose ACV is closest to the target return on this amount
        const target = amount * BigInt(ROMI_TARGETS[partnerIndex % ROMI_TARGETS.length]);
        const gap = (o: SeedOpportunity) => {
          const d = BigInt(o.row.acvCents as bigint) - target;
          return d < 0n ? -d : d;
        };
        const won = opps
          .filter((o) => o.partner?.id === p.id && o.stage === "CLOSED_WON" && o.source === "PARTNER")
          .sort((a, b) => (gap(a) < gap(b) ? -1 : gap(a) > gap(b) ? 1 : 0));
        if (won[0]) (won[0].row as { mdfRequestId?: string }).mdfRequestId = row.id;
      }
    });
  });
}
