-- Opportunity.category: the deal's attribution category stored on the deal (lib/db/attribution-writes.ts
-- keeps it in step).
-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "category" "AttributionCategory" NOT NULL DEFAULT 'DIRECT';

-- Backfill: every attribution row of a deal carries the deal's one category; a deal without rows stays DIRECT
UPDATE "Opportunity" o SET "category" = a."category"
FROM (SELECT DISTINCT ON ("opportunityId") "opportunityId", "category" FROM "Attribution" ORDER BY "opportunityId") a
WHERE a."opportunityId" = o."id";

-- CreateIndex
CREATE INDEX "Opportunity_stage_closedAt_idx" ON "Opportunity"("stage", "closedAt");

-- CreateIndex
CREATE INDEX "Opportunity_category_createdAt_idx" ON "Opportunity"("category", "createdAt");
