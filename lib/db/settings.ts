// Typed reads of AppSetting rows, falling back to the install defaults of lib/settings.ts.
import "server-only";
import { DEFAULT_SETTINGS, type SETTING_KEYS } from "@/lib/settings";
import { db } from "./client";
import type { Tx } from "./connect";

type Key = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

export async function getSetting<T>(key: Key, client: Tx = db): Promise<T> {
  const row = await client.appSetting.findUnique({ where: { key } });
  return (row?.value ?? DEFAULT_SETTINGS[key]) as T;
}
