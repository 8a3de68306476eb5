// The council pack as CSV: every table of packTables under its title, a blank line between, every
// cell neutralized against spreadsheet formulas (lib/csv/cells.ts). Pure.
import { csvLines } from "@/lib/csv/cells";
import { monthTitle } from "./index";
import { packTables, type CouncilPack } from "./pack";

export function packCsv(pack: CouncilPack, locale = "en-US"): string {
  const parts = [csvLines(["Council pack", monthTitle(pack.month, locale)], [], true)];
  for (const t of packTables(pack, locale)) {
    parts.push("\r\n", csvLines([t.title], [], true), csvLines(t.columns, t.rows, true));
  }
  return parts.join("");
}
