-- AlterTable
ALTER TABLE "DealRegistration" ADD COLUMN     "activeClaimNameKey" TEXT,
ADD COLUMN     "activeClaimDomainKey" TEXT;

-- Backfill: claims held before this migration get their name and domain keys; where two active
-- claims already share one, the earlier submission keeps it.
UPDATE "DealRegistration" SET "activeClaimNameKey" = 'n:' || "accountNameKey" || '|' || "productLineId"
WHERE "activeClaimKey" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "DealRegistration" e
  WHERE e."activeClaimKey" IS NOT NULL AND e."accountNameKey" = "DealRegistration"."accountNameKey" AND e."productLineId" = "DealRegistration"."productLineId"
    AND (e."submittedAt" < "DealRegistration"."submittedAt" OR (e."submittedAt" = "DealRegistration"."submittedAt" AND e."id" < "DealRegistration"."id"))
);

UPDATE "DealRegistration" SET "activeClaimDomainKey" = 'd:' || "accountDomainKey" || '|' || "productLineId"
WHERE "activeClaimKey" IS NOT NULL AND "accountDomainKey" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "DealRegistration" e
  WHERE e."activeClaimKey" IS NOT NULL AND e."accountDomainKey" = "DealRegistration"."accountDomainKey" AND e."productLineId" = "DealRegistration"."productLineId"
    AND (e."submittedAt" < "DealRegistration"."submittedAt" OR (e."submittedAt" = "DealRegistration"."submittedAt" AND e."id" < "DealRegistration"."id"))
);

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_activeClaimNameKey_key" ON "DealRegistration"("activeClaimNameKey");

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_activeClaimDomainKey_key" ON "DealRegistration"("activeClaimDomainKey");
