"use server";
// The decision explorer's deal picker (components/rules/deal-picker.tsx): deals by the start of their
// name or their account's name, and its partner fact's picker, partners by name; scoped to the caller
// (lib/db/deal-search.ts). Read-only.
import { z } from "zod";
import { defineAction } from "./define-action";
import { searchDeals, searchPartners } from "@/lib/db/deal-search";

export const searchDealsAction = defineAction(z.object({ q: z.string().max(200) }), (ctx, input) =>
  searchDeals(ctx, input.q),
);

export const searchPartnersAction = defineAction(z.object({ q: z.string().max(200) }), (ctx, input) =>
  searchPartners(ctx, input.q),
);
