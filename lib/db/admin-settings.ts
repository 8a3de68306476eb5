// The settings page's reads and writes (docs/architecture.md#administration). Each request reads
// settings afresh (lib/db/settings.ts), so a saved change is effective on the next request. A form
// loaded before someone else saved carries a stale version and is refused with 409, not applied.
import "server-only";
import type { Ctx } from "@/lib/auth/types";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, type FieldErrors } from "@/lib/errors";
import { SETTING_DEFS, settingDefault, settingsVersion } from "@/lib/settings-catalog";
import { audit } from "./audit";
import { db } from "./client";
import type { Tx } from "./connect";
import { transaction } from "./transaction";

const KEYS = SETTING_DEFS.map((d) => d.key);

async function effectiveSettings(client: Tx) {
  const rows = await client.appSetting.findMany({
    where: { key: { in: KEYS } },
    select: { key: true, value: true, updatedAt: true },
  });
  const values: Record<string, unknown> = {};
  const updatedAt: Record<string, Date | null> = {};
  for (const key of KEYS) {
    const row = rows.find((r) => r.key === key);
    values[key] = row && row.value !== null ? row.value : settingDefault(key);
    updatedAt[key] = row?.updatedAt ?? null;
  }
  return { values, updatedAt, version: settingsVersion(values) };
}

export async function readSettingsForAdmin(ctx: Ctx) {
  if (!can(ctx, "settings:manage")) throw forbidden();
  return effectiveSettings(db);
}

const STALE =
  "Someone saved the settings while you were editing them. Reload the page to see their values, then make your change again.";

/**
 * Validates every submitted value with its setting's schema (field errors keyed by setting), then,
 * in one transaction, refuses a stale version (409) and writes and audits each changed setting.
 */
export async function saveSettings(
  ctx: Ctx,
  input: { version: string; values: Record<string, unknown> },
  now = new Date(),
) {
  if (!can(ctx, "settings:manage")) throw forbidden();
  const parsed: Record<string, unknown> = {};
  const fields: FieldErrors = {};
  for (const def of SETTING_DEFS) {
    if (!(def.key in input.values)) continue;
    const result = def.schema.safeParse(input.values[def.key]);
    if (result.success) parsed[def.key] = result.data;
    else fields[def.key] = [...new Set(result.error.issues.map((i) => i.message))];
  }
  const unknown = Object.keys(input.values).filter((k) => !KEYS.includes(k as (typeof KEYS)[number]));
  if (unknown.length > 0) throw new AppError("BAD_REQUEST", `Unknown setting: ${unknown.join(", ")}`);
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Check the highlighted settings", fields);
  return transaction(
    db,
    async (tx) => {
      const current = await effectiveSettings(tx);
      if (current.version !== input.version) throw new AppError("CONFLICT", STALE);
      const changed: string[] = [];
      for (const [key, value] of Object.entries(parsed)) {
        const before = current.values[key];
        if (JSON.stringify(before) === JSON.stringify(value)) continue;
        await tx.appSetting.upsert({
          where: { key },
          create: { key, value: value as object },
          update: { value: value as object },
          select: { key: true },
        });
        await audit(
          tx,
          ctx,
          { action: "settings.update", entityType: "AppSetting", entityId: key, before, after: value },
          now,
        );
        changed.push(key);
      }
      return { changed };
    },
    { isolationLevel: "Serializable" },
  );
}
