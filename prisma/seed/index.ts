// Public surface of the seed: the reference data every install gets, the demo company, and the
// demo sign-ins the sign-in page lists.
export { seedBase, defaultRuleSetEffectiveFrom, type SeedBaseResult } from "./base";
export { seedDemo, planDemo, loadReference, hashDemoPassword, type SeedDemoOptions, type SeedDemoResult } from "./demo";
export { DEMO_PASSWORD, DEMO_ACCOUNTS, type DemoAccount } from "./people";
export { DEFAULT_SETTINGS, SETTING_KEYS, REGIONS, SEGMENTS } from "./reference";
export { PRODUCT_LINES, CORRIDOR_MAX_DISCOUNT } from "./catalog";
export { PARTNERS } from "./partners";
export { MATURITY_DIMENSIONS } from "./governance";
export type { RowCounts } from "./write";
