import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";
import { retryAfterSeconds } from "@/lib/db/timeouts";

export const dynamic = "force-dynamic";

// Within 2 s always (lib/db/health.ts): 503 `unavailable` when the database fails or does not answer.
export async function GET() {
  const { ok, database } = await checkDatabase();
  if (ok) return NextResponse.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  return NextResponse.json(
    { status: "unavailable", database },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds()) } },
  );
}
