-- Opportunity.category: the deal's attribution category stored on the deal (lib/db/attribution-writes.ts
-- keeps it in step). Added in place rather than by Prisma's table redefinition (the view
-- ConflictSearchSource reads Opportunity).
ALTER TABLE "Opportunity" ADD COLUMN "category" TEXT NOT NULL DEFAULT 'DIRECT';

-- Backfill: every attribution row of a deal carries the deal's one category; a deal without rows stays DIRECT
UPDATE "Opportunity" SET "category" = (
  SELECT a."category" FROM "Attribution" a WHERE a."opportunityId" = "Opportunity"."id" LIMIT 1
) WHERE EXISTS (SELECT 1 FROM "Attribution" a WHERE a."opportunityId" = "Opportunity"."id");

-- CreateIndex
CREATE INDEX "Opportunity_stage_closedAt_idx" ON "Opportunity"("stage", "closedAt");

-- CreateIndex
CREATE INDEX "Opportunity_category_createdAt_idx" ON "Opportunity"("category", "createdAt");
