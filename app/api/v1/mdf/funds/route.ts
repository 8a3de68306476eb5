import { apiRoute, json } from "@/lib/api/handler";
import { listMdfFunds } from "@/lib/db/mdf";

// GET /api/v1/mdf/funds: the funds in the caller's scope with allocated, committed, spent, balance and expiry.
export const GET = apiRoute(async (_req, ctx) => json({ data: await listMdfFunds(ctx) }));
