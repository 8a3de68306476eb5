import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";

export const PASSWORD = "accord-demo";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Test setup and reads straight on the e2e database (data/e2e.db), closed afterwards. */
export function inE2eDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Signs in as ops and opens a new draft copied from the rule set in force. */
export async function openNewDraft(page: Page) {
  await signIn(page, "ops@accord.test");
  await page.goto("/rules");
  await page.getByRole("button", { name: "New draft" }).first().click();
  await expect(page).toHaveURL(/\/rules\/[^/]+$/);
}

/** Opens the first registration in the partner's own list and returns its id. */
export async function firstOwnRegistration(page: Page): Promise<string> {
  await page.goto("/portal/registrations");
  const link = page.locator("table tbody a").first();
  const href = await link.getAttribute("href");
  const id = href!.split("/").pop()!;
  return id;
}

/** Test setup straight into the e2e database: an API key for a partner (the UI for keys is a later issue). */
export function insertPartnerApiKey(partnerName: string): string {
  const db = new Database("data/e2e.db", { timeout: 15_000 });
  try {
    const partner = db.prepare(`SELECT id FROM "Partner" WHERE name = ?`).get(partnerName) as { id: string };
    const prefix = randomBytes(5).toString("hex");
    const key = `acc_${prefix}_${randomBytes(32).toString("base64url")}`;
    const hash = createHash("sha256").update(key).digest("hex");
    db.prepare(
      `INSERT INTO "ApiKey" (id, name, prefix, keyHash, scope, partnerId, createdAt) VALUES (?, ?, ?, ?, 'PARTNER', ?, ?)`,
    ).run(`key_${prefix}`, "e2e", prefix, hash, partner.id, new Date().toISOString());
    return key;
  } finally {
    db.close();
  }
}
