// The migration runner: idempotent, and refuses a migration edited after it was applied.
import { mkdtempSync, cpSync, appendFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, loadMigrations } from "@/lib/db/migrate";

describe("migrations", () => {
  it("apply once on a new SQLite database, then nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
    const url = `file:${path.join(dir, "new.db")}`;
    const first = await migrate(url);
    expect(first.createdDatabase).toBe(true);
    expect(first.applied).toEqual(loadMigrations("sqlite").map((m) => m.name));
    expect(await migrate(url)).toEqual({ applied: [], createdDatabase: false });
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuse a migration that changed after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "accord-mig-"));
    cpSync(path.join(process.cwd(), "prisma/migrations"), path.join(dir, "prisma/migrations"), { recursive: true });
    const url = `file:${path.join(dir, "edited.db")}`;
    await migrate(url, dir);
    const first = loadMigrations("sqlite", dir)[0];
    appendFileSync(path.join(dir, "prisma/migrations", first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
    rmSync(dir, { recursive: true, force: true });
  });
});
