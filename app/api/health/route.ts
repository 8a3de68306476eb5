import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok, database } = await checkDatabase();
  return NextResponse.json({ status: ok ? "ok" : "error", database }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
