-- CreateIndex
CREATE INDEX "Conflict_status_resolvedAt_id_idx" ON "Conflict"("status", "resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Conflict_status_type_resolvedAt_id_idx" ON "Conflict"("status", "type", "resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Conflict_status_resolution_resolvedAt_id_idx" ON "Conflict"("status", "resolution", "resolvedAt", "id");


-- Precedent search (lib/db/conflict-precedents.ts): an FTS5 index over resolved cases, kept in step
-- by the triggers below, so searching never scans cases in JavaScript. Prisma cannot model these
-- objects; tests/integration/migration-drift.test.ts ignores exactly them by name.
--
-- Columns: the case's id, its summary, its rationale, its tags, the facets in words (type, segment = the
-- account's tier, region code and name, routing rule name) and "keys": one exact token per facet
-- ("ktype…", "kres…", "kseg…", "kreg<hex code>", "krule<hex name>", "ktag<hex tag>") that the
-- filters and the similarity query match on (lib/conflicts/precedent.ts builds the same tokens), and,
-- unindexed, the level and resolution time the ranking reads without a second lookup.
CREATE VIRTUAL TABLE "ConflictSearch" USING fts5(
  "conflictId" UNINDEXED,
  "summary",
  "rationale",
  "tags",
  "facets",
  "keys",
  "level" UNINDEXED,
  "resolvedAt" UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Updates and deletes find a case's row by its id: Conflict has a text key, and its implicit rowid
-- may change on VACUUM, so the FTS rowid is not tied to it; the content shadow table's "c0" is the
-- "conflictId" column.
CREATE INDEX "ConflictSearch_conflictId" ON "ConflictSearch_content"("c0");

-- What the index holds for a resolved case. The routing rule is the one that routed the case's
-- opportunity, else its first registration's.
CREATE VIEW "ConflictSearchSource" AS
SELECT
  c."id" AS "conflictId",
  c."summary" AS "summary",
  COALESCE(c."rationale", '') AS "rationale",
  COALESCE((SELECT group_concat(replace(j."value", '-', ' '), ' ') FROM json_each(c."tags") j), '') AS "tags",
  lower(replace(c."type", '_', ' ')) || ' ' || lower(COALESCE(a."tier", '')) || ' ' ||
    COALESCE(g."code" || ' ' || g."name", '') || ' ' || COALESCE(rl."name", '') AS "facets",
  'ktype' || lower(replace(c."type", '_', '')) ||
    ' kres' || lower(replace(COALESCE(c."resolution", ''), '_', '')) ||
    ' kseg' || lower(COALESCE(a."tier", 'none')) ||
    COALESCE(' kreg' || lower(hex(g."code")), '') ||
    COALESCE(' krule' || lower(hex(rl."name")), '') ||
    COALESCE((SELECT ' ' || group_concat('ktag' || lower(hex(j."value")), ' ') FROM json_each(c."tags") j), '') AS "keys",
  c."level" AS "level",
  c."resolvedAt" AS "resolvedAt"
FROM "Conflict" c
LEFT JOIN "Account" a ON a."id" = c."accountId"
LEFT JOIN "Region" g ON g."id" = a."regionId"
LEFT JOIN "Rule" rl ON rl."id" = COALESCE(
  (SELECT d."ruleId" FROM "Opportunity" o JOIN "RouteDecision" d ON d."id" = o."routeDecisionId"
    WHERE o."id" = c."opportunityId"),
  (SELECT d."ruleId" FROM "ConflictRegistration" cr
    JOIN "DealRegistration" r ON r."id" = cr."registrationId"
    JOIN "RouteDecision" d ON d."id" = r."routeDecisionId"
    WHERE cr."conflictId" = c."id" AND d."ruleId" IS NOT NULL
    ORDER BY r."submittedAt", r."id" LIMIT 1))
WHERE c."status" = 'RESOLVED';

CREATE TRIGGER "Conflict_search_insert" AFTER INSERT ON "Conflict" WHEN NEW."status" = 'RESOLVED'
BEGIN
  INSERT INTO "ConflictSearch" ("conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt")
    SELECT "conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt" FROM "ConflictSearchSource"
    WHERE "conflictId" = NEW."id";
END;

-- Resolution is an UPDATE; so is any later edit of the rationale or tags.
CREATE TRIGGER "Conflict_search_update" AFTER UPDATE ON "Conflict"
BEGIN
  DELETE FROM "ConflictSearch" WHERE rowid IN (SELECT "id" FROM "ConflictSearch_content" WHERE "c0" = OLD."id");
  INSERT INTO "ConflictSearch" ("conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt")
    SELECT "conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt" FROM "ConflictSearchSource"
    WHERE "conflictId" = NEW."id";
END;

CREATE TRIGGER "Conflict_search_delete" AFTER DELETE ON "Conflict"
BEGIN
  DELETE FROM "ConflictSearch" WHERE rowid IN (SELECT "id" FROM "ConflictSearch_content" WHERE "c0" = OLD."id");
END;

-- A registration linked after the case row was written may bring its routing rule.
CREATE TRIGGER "ConflictRegistration_search_insert" AFTER INSERT ON "ConflictRegistration"
BEGIN
  DELETE FROM "ConflictSearch" WHERE rowid IN (SELECT "id" FROM "ConflictSearch_content" WHERE "c0" = NEW."conflictId");
  INSERT INTO "ConflictSearch" ("conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt")
    SELECT "conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt" FROM "ConflictSearchSource"
    WHERE "conflictId" = NEW."conflictId";
END;

-- Cases resolved before this migration.
INSERT INTO "ConflictSearch" ("conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt")
  SELECT "conflictId", "summary", "rationale", "tags", "facets", "keys", "level", "resolvedAt" FROM "ConflictSearchSource";
