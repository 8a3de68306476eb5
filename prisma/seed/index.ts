// Public surface of the seed: the reference data every install gets, the demo company, and the
// demo sign-ins the sign-in page lists.
export { seedBase } from "./base";
export { seedDemo, hashDemoPassword } from "./demo";
export { DEMO_PASSWORD, DEMO_ACCOUNTS } from "./people";
