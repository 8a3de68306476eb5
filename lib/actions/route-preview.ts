"use server";
// "Which route would this deal get, and why?" for a partner before registering (docs/domain.md#rules-of-engagement):
// lib/db/route-decisions.ts decides it; nothing is stored.
import { defineAction } from "./define-action";
import { previewRoute } from "@/lib/db/route-decisions";
import { routePreviewInput } from "@/lib/validation/registrations";

export const previewRouteAction = defineAction(routePreviewInput, (ctx, input) => previewRoute(ctx, input));
