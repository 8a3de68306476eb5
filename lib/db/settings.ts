// Typed reads of AppSetting rows, falling back to the install defaults of lib/settings.ts. The
// client is an argument (no singleton import) so scheduled jobs, which run with their own
// connection outside a request, read settings the same way.
import { DEFAULT_SETTINGS, type SETTING_KEYS } from "@/lib/settings";
import type { Tx } from "./connect";

type Key = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

export async function getSetting<T>(key: Key, client: Tx): Promise<T> {
  const row = await client.appSetting.findUnique({ where: { key } });
  return (row?.value ?? DEFAULT_SETTINGS[key]) as T;
}
