// Typed reads of AppSetting rows, falling back to the install defaults of lib/settings.ts. The
// client is an argument (no singleton import) so scheduled jobs, which run with their own
// connection outside a request, read settings the same way.
import { DEFAULT_SETTINGS, type SETTING_KEYS } from "@/lib/settings";
import type { Tx } from "./connect";
import { asJson, isSql, type Selected, type Sql } from "./sql";

type Key = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** Takes a Prisma client or transaction, or a plain-SQL session (lib/db/sql.ts). */
export async function getSetting<T>(key: Key, client: Tx | Sql): Promise<T> {
  // plain SQL reads the JSON text; Prisma has parsed it already
  const value = isSql(client)
    ? asJson(
        (await client.get<Selected<"AppSetting", "value">>(`SELECT "value" FROM "AppSetting" WHERE "key" = ?`, [key]))
          ?.value,
      )
    : (await client.appSetting.findUnique({ where: { key }, select: { value: true } }))?.value;
  return (value === undefined || value === null ? DEFAULT_SETTINGS[key] : value) as T;
}
