// A rule-set draft at the size a draft may reach (1,000 rules), written straight into a SQLite
// database file as test setup: the e2e spec (tests/e2e/rules-editor-scale.spec.ts) and the editor
// benchmark (tests/bench/rules-editor.bench.ts) open it in the browser. Rule i sits at priority
// 10·i, is called "Scale rule i — <vertical> band" and matches ACV ≥ $1,000·i in one vertical.
import Database from "better-sqlite3";

const VERTICALS = ["HEALTHCARE", "FINANCIAL_SERVICES", "TECHNOLOGY"] as const;
const ROUTES = ["PARTNER_LED", "CO_SELL", "DIRECT"] as const;

export function scaleRuleName(i: number): string {
  return `Scale rule ${i} — ${VERTICALS[i % 3].toLowerCase().replace("_", " ")} band`;
}

/** Replaces the rules of draft `ruleSetId` with `count` generated ones, in one transaction. */
export function fillDraftRules(dbFile: string, ruleSetId: string, count: number): void {
  const db = new Database(dbFile, { timeout: 15_000 });
  try {
    const insert = db.prepare(
      `INSERT INTO "Rule" (id, ruleSetId, priority, name, conditions, route, leadRole, protectionDays, attributionCategory, rationale)
       VALUES (?, ?, ?, ?, ?, ?, 'PARTNER', 90, 'PARTNER_SOURCED', '')`,
    );
    db.transaction(() => {
      db.prepare(`DELETE FROM "Rule" WHERE ruleSetId = ?`).run(ruleSetId);
      for (let i = 1; i <= count; i++) {
        const conditions = [
          { field: "acv", op: "gte", value: i * 100_000 }, // $1,000 × i, in cents
          { field: "vertical", op: "in", value: [VERTICALS[i % 3]] },
        ];
        insert.run(
          `scale-${ruleSetId}-${i}`,
          ruleSetId,
          i * 10,
          scaleRuleName(i),
          JSON.stringify(conditions),
          ROUTES[i % 3],
        );
      }
    })();
  } finally {
    db.close();
  }
}
