-- AlterTable
ALTER TABLE "DealRegistration" ADD COLUMN "partnerClaimKey" TEXT;
ALTER TABLE "DealRegistration" ADD COLUMN "partnerClaimNameKey" TEXT;
ALTER TABLE "DealRegistration" ADD COLUMN "partnerClaimDomainKey" TEXT;

-- Backfill: every active (submitted or approved) registration gets its partner-scoped keys, the
-- same keys lib/registrations/claim-key.ts computes (by matched account, name, domain). Where a
-- partner already has several active registrations sharing a key (duplicates piled up before this
-- migration), the earliest submission keeps it; the later ones stay as they are, without it.
UPDATE "DealRegistration" SET "partnerClaimKey" = "partnerId" || '|' || CASE WHEN "accountId" IS NOT NULL THEN 'a:' || "accountId" ELSE 'n:' || "accountNameKey" END || '|' || "productLineId"
WHERE "status" IN ('SUBMITTED', 'APPROVED') AND NOT EXISTS (
  SELECT 1 FROM "DealRegistration" e
  WHERE e."partnerId" = "DealRegistration"."partnerId" AND e."status" IN ('SUBMITTED', 'APPROVED') AND e."productLineId" = "DealRegistration"."productLineId"
    AND COALESCE('a:' || e."accountId", 'n:' || e."accountNameKey") = COALESCE('a:' || "DealRegistration"."accountId", 'n:' || "DealRegistration"."accountNameKey")
    AND (e."submittedAt" < "DealRegistration"."submittedAt" OR (e."submittedAt" = "DealRegistration"."submittedAt" AND e."id" < "DealRegistration"."id"))
);

UPDATE "DealRegistration" SET "partnerClaimNameKey" = "partnerId" || '|n:' || "accountNameKey" || '|' || "productLineId"
WHERE "status" IN ('SUBMITTED', 'APPROVED') AND NOT EXISTS (
  SELECT 1 FROM "DealRegistration" e
  WHERE e."partnerId" = "DealRegistration"."partnerId" AND e."status" IN ('SUBMITTED', 'APPROVED') AND e."productLineId" = "DealRegistration"."productLineId"
    AND e."accountNameKey" = "DealRegistration"."accountNameKey"
    AND (e."submittedAt" < "DealRegistration"."submittedAt" OR (e."submittedAt" = "DealRegistration"."submittedAt" AND e."id" < "DealRegistration"."id"))
);

UPDATE "DealRegistration" SET "partnerClaimDomainKey" = "partnerId" || '|d:' || "accountDomainKey" || '|' || "productLineId"
WHERE "status" IN ('SUBMITTED', 'APPROVED') AND "accountDomainKey" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "DealRegistration" e
  WHERE e."partnerId" = "DealRegistration"."partnerId" AND e."status" IN ('SUBMITTED', 'APPROVED') AND e."productLineId" = "DealRegistration"."productLineId"
    AND e."accountDomainKey" = "DealRegistration"."accountDomainKey"
    AND (e."submittedAt" < "DealRegistration"."submittedAt" OR (e."submittedAt" = "DealRegistration"."submittedAt" AND e."id" < "DealRegistration"."id"))
);

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_partnerClaimKey_key" ON "DealRegistration"("partnerClaimKey");

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_partnerClaimNameKey_key" ON "DealRegistration"("partnerClaimNameKey");

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_partnerClaimDomainKey_key" ON "DealRegistration"("partnerClaimDomainKey");
