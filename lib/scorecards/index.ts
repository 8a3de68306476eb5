// Partner scorecards and tiers (docs/domain.md#scorecards-and-tiers). Pure.
export * from "./figures";
export * from "./links";
export * from "./tiers";
export * from "./sort";
