// Attribution and pay (docs/domain.md#attribution-and-pay). Pure: lib/db/attribution-writes.ts persists it.
export { attribute, categorize } from "./compute";
export { spiffBand } from "./money";
export { DEFAULT_PAY_PLAN, payPlanFrom } from "./plan";
export { monthOf, parsePeriod, periodOf, periodTitle, shiftPeriod, type Period } from "./period";
export * from "./types";
