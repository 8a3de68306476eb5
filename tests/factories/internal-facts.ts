// Words that would betray a fact the vendor keeps (lib/rules/redact.ts INTERNAL_FIELDS) in what a
// partner reads: the field keys and their labels. Shared by the redaction's unit and integration tests.
export const INTERNAL_FACT_WORDS = [
  "namedAccount",
  "regionDirectPresence",
  "priorRoute",
  "registeredFirst",
  "accountTier",
  "Named account",
  "direct presence",
  "Direct presence",
  "Prior route",
  "Registered first",
  "Account tier",
];
