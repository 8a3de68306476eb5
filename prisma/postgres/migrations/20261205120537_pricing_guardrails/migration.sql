-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "corridorBreach" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "corridorMaxPct" DOUBLE PRECISION,
ADD COLUMN     "undercutDiscountPct" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "Opportunity_corridorBreach_stage_closedAt_idx" ON "Opportunity"("corridorBreach", "stage", "closedAt");


-- Backfill: the corridor of each routed deal, and the breach of a discount beyond it (compared in
-- hundredths of a percent, as lib/pricing/guardrails.ts does)
UPDATE "Opportunity" SET "corridorMaxPct" = (
  SELECT c."maxDiscountPct" FROM "PricingCorridor" c
  WHERE c."productLineId" = "Opportunity"."productLineId" AND c."route" = "Opportunity"."route"
);
UPDATE "Opportunity" SET "corridorBreach" = true
  WHERE "corridorMaxPct" IS NOT NULL AND ROUND("discountPct" * 100) > ROUND("corridorMaxPct" * 100);
