import { NextResponse, type NextRequest } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

export function GET(req: NextRequest) {
  return NextResponse.json(openApiDocument(req.nextUrl.origin));
}
