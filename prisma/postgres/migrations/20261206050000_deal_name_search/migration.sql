-- Deal search (lib/db/deal-search.ts): the decision explorer finds a deal by the start of its name,
-- or its account's name, ignoring case, at a million deals. These indexes on lower(name) let the
-- query read only the matching range, in order, and stop after one page. COLLATE "C" orders by code
-- point, as SQLite's BINARY does, so a prefix is one contiguous range whatever the database's locale.
-- Prisma cannot model expression indexes; tests/integration/migration-drift.test.ts ignores exactly
-- these by name.
CREATE INDEX "Opportunity_name_lower_idx" ON "Opportunity"((lower("name") COLLATE "C"), "id");
CREATE INDEX "Account_name_lower_idx" ON "Account"((lower("name") COLLATE "C"), "id");
