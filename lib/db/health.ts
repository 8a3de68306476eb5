import "server-only";
import { db, provider } from "./client";

export async function checkDatabase(): Promise<{ ok: boolean; database: typeof provider }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true, database: provider };
  } catch (error) {
    console.error("[health] database check failed", error);
    return { ok: false, database: provider };
  }
}
