// The council pack PDF (lib/council-pack/pdf.ts): a real PDF drawn by pdfkit in its built-in
// Helvetica, whose extracted text (unpdf) holds the headline figures, the agenda, the decisions and
// the action items.
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildAgenda } from "@/lib/council-pack";
import { packPdf } from "@/lib/council-pack/pdf";
import type { CouncilPack } from "@/lib/council-pack/pack";

const pack: CouncilPack = {
  month: "2026-12",
  isCurrent: true,
  previousMonth: "2026-11",
  metrics: null,
  headline: [{ key: "pipelineCreated", label: "Pipeline created", value: "$9,876,543", href: null }],
  trends: [
    { title: "Trend, last 1 months", columns: ["Month", "Pipeline created"], rows: [["December 2026", "$9,876,543"]] },
  ],
  agenda: buildAgenda({
    month: "2026-12",
    currency: "USD",
    channelMix: null,
    disputesOpen: { count: 4, href: "/c" },
    coSellAtRisk: { count: 2, acvCents: 100, href: "/o" },
    overdueConflicts: { count: 13, href: "/c" },
    topRules: null,
    gaps: null,
  }),
  meeting: {
    id: "m",
    month: "2026-12",
    heldAt: null,
    attendees: [{ id: "u", name: "Vera Sales", title: null }],
    decisions: [
      {
        id: "d",
        kind: "MDF_MOVE",
        text: "Move MDF from events to marketplace",
        decidedAt: new Date("2026-12-05T00:00:00Z"),
        decidedBy: "Vera Sales",
        ruleSet: null,
      },
    ],
    actionItems: [],
  },
};

async function textOf(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("packPdf", () => {
  it("is a PDF whose text holds the figures, the agenda and the decisions", async () => {
    const bytes = await packPdf(pack, new Date("2026-12-05T12:00:00Z"));
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await textOf(bytes);
    expect(text).toContain("Revenue council pack: December 2026");
    expect(text).toContain("$9,876,543");
    expect(text).toContain("Overdue conflicts");
    expect(text).toContain("13");
    expect(text).toContain("Move MDF from events to marketplace");
    expect(text).toContain("Vera Sales");
    expect(text).toContain("None recorded.");
  });

  it("a long pack runs onto more pages", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Row ${i}`, String(i)]);
    const bytes = await packPdf({ ...pack, trends: [{ title: "Long", columns: ["A", "B"], rows }] }, new Date());
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBeGreaterThan(1);
    expect(await textOf(bytes)).toContain("Row 119");
  });
});
