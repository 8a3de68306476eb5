-- CreateIndex
CREATE INDEX "Conflict_status_resolvedAt_id_idx" ON "Conflict"("status", "resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Conflict_status_type_resolvedAt_id_idx" ON "Conflict"("status", "type", "resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Conflict_status_resolution_resolvedAt_id_idx" ON "Conflict"("status", "resolution", "resolvedAt", "id");


-- Precedent search (lib/db/conflict-precedents.ts): a tsvector over resolved cases, kept in step by
-- the triggers below and indexed with GIN, so searching never scans cases in JavaScript. Prisma
-- cannot model these objects; tests/integration/migration-drift.test.ts ignores exactly them by name.
--
-- Weights: A the rationale, B the summary, C the tags and the facets in words (type, segment = the
-- account's tier, region code and name, routing rule name), D "keys": one exact token per facet
-- ("ktype…", "kres…", "kseg…", "kreg<hex code>", "krule<hex name>", "ktag<hex tag>") that the
-- filters and the similarity query match on (lib/conflicts/precedent.ts builds the same tokens);
-- ranking gives D no weight. Unresolved cases have no vector.
ALTER TABLE "Conflict" ADD COLUMN "searchVector" tsvector;

CREATE FUNCTION accord_conflict_search_vector() RETURNS trigger AS $$
DECLARE
  v_tier text;
  v_region_code text;
  v_region_name text;
  v_rule text;
  v_tag_words text;
  v_tag_keys text;
BEGIN
  IF NEW."status" <> 'RESOLVED' THEN
    NEW."searchVector" := NULL;
    RETURN NEW;
  END IF;
  SELECT a."tier"::text, g."code", g."name" INTO v_tier, v_region_code, v_region_name
    FROM "Account" a JOIN "Region" g ON g."id" = a."regionId" WHERE a."id" = NEW."accountId";
  -- the rule that routed the case's opportunity, else its first registration's
  SELECT rl."name" INTO v_rule FROM "Rule" rl WHERE rl."id" = COALESCE(
    (SELECT d."ruleId" FROM "Opportunity" o JOIN "RouteDecision" d ON d."id" = o."routeDecisionId"
      WHERE o."id" = NEW."opportunityId"),
    (SELECT d."ruleId" FROM "ConflictRegistration" cr
      JOIN "DealRegistration" r ON r."id" = cr."registrationId"
      JOIN "RouteDecision" d ON d."id" = r."routeDecisionId"
      WHERE cr."conflictId" = NEW."id" AND d."ruleId" IS NOT NULL
      ORDER BY r."submittedAt", r."id" LIMIT 1));
  SELECT string_agg(replace(t, '-', ' '), ' '), string_agg('ktag' || encode(convert_to(t, 'UTF8'), 'hex'), ' ')
    INTO v_tag_words, v_tag_keys
    FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(NEW."tags") = 'array' THEN NEW."tags" ELSE '[]'::jsonb END) t;
  NEW."searchVector" :=
    setweight(to_tsvector('english', COALESCE(NEW."rationale", '')), 'A') ||
    setweight(to_tsvector('english', NEW."summary"), 'B') ||
    setweight(to_tsvector('english', concat_ws(' ', v_tag_words, lower(replace(NEW."type"::text, '_', ' ')),
      lower(v_tier), v_region_code, v_region_name, v_rule)), 'C') ||
    setweight(to_tsvector('simple', concat_ws(' ',
      'ktype' || lower(replace(NEW."type"::text, '_', '')),
      'kres' || lower(replace(COALESCE(NEW."resolution"::text, ''), '_', '')),
      'kseg' || lower(COALESCE(v_tier, 'none')),
      'kreg' || encode(convert_to(v_region_code, 'UTF8'), 'hex'),
      'krule' || encode(convert_to(v_rule, 'UTF8'), 'hex'),
      v_tag_keys)), 'D');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- Resolution is an UPDATE; so is any later edit of the rationale or tags.
CREATE TRIGGER "Conflict_search_vector" BEFORE INSERT OR UPDATE ON "Conflict"
  FOR EACH ROW EXECUTE FUNCTION accord_conflict_search_vector();

-- A registration linked after the case row was written may bring its routing rule.
CREATE FUNCTION accord_conflict_search_refresh() RETURNS trigger AS $$
BEGIN
  UPDATE "Conflict" SET "status" = "status" WHERE "id" = NEW."conflictId" AND "status" = 'RESOLVED';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ConflictRegistration_search_refresh" AFTER INSERT ON "ConflictRegistration"
  FOR EACH ROW EXECUTE FUNCTION accord_conflict_search_refresh();

CREATE INDEX "Conflict_searchVector_idx" ON "Conflict" USING GIN ("searchVector");

-- Cases resolved before this migration.
UPDATE "Conflict" SET "status" = "status" WHERE "status" = 'RESOLVED';
