// The council pack as a PDF, drawn on the server with pdfkit in its built-in Helvetica (no font is
// downloaded; next.config.ts keeps pdfkit external so it reads its .afm files from node_modules).
// The content is packTables: the same tables as the CSV.
import PDFDocument from "pdfkit";
import { formatDateTime } from "@/lib/format";
import { monthTitle } from "./index";
import { packTables, type CouncilPack, type Table } from "./pack";

const MARGIN = 48;

function drawTable(doc: PDFKit.PDFDocument, table: Table) {
  const width = doc.page.width - MARGIN * 2;
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#111").text(table.title, MARGIN);
  doc.moveDown(0.3);
  if (table.rows.length === 0) {
    doc.font("Helvetica-Oblique").fontSize(10).fillColor("#555").text("None recorded.", MARGIN);
    return;
  }
  const colWidth = width / table.columns.length;
  const row = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(9)
      .fillColor("#111");
    const heights = cells.map((c) => doc.heightOfString(c || " ", { width: colWidth - 6 }));
    const h = Math.max(...heights) + 4;
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    cells.forEach((c, i) => doc.text(c, MARGIN + i * colWidth, y, { width: colWidth - 6 }));
    doc.x = MARGIN;
    doc.y = y + h;
  };
  row(table.columns, true);
  for (const r of table.rows) row(r, false);
}

/** The PDF's bytes. `generatedAt` is printed in the footer line under the title. */
export function packPdf(pack: CouncilPack, generatedAt: Date, locale = "en-US"): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `Revenue council pack, ${monthTitle(pack.month, locale)}`, Author: "Accord" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc
    .font("Helvetica-Bold")
    .fontSize(20)
    .text(`Revenue council pack: ${monthTitle(pack.month, locale)}`);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#555")
    .text(`Generated ${formatDateTime(generatedAt, locale)}`);
  for (const t of packTables(pack, locale)) drawTable(doc, t);
  doc.end();
  return done;
}
