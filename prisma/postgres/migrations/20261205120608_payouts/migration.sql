-- CreateEnum
CREATE TYPE "PayoutAdjustmentKind" AS ENUM ('QUOTA_CREDIT', 'SPIFF', 'MARGIN');

-- DropIndex
DROP INDEX "Attribution_partnerId_idx";

-- DropIndex
DROP INDEX "Attribution_userId_idx";

-- AlterTable
ALTER TABLE "Attribution" ADD COLUMN     "basis" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "final" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "partnerMarginCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "partyKey" TEXT NOT NULL DEFAULT '';

-- Backfill: rows written before this migration are the won deals' attribution (final), keyed by party
UPDATE "Attribution" SET "final" = true,
  "partyKey" = CASE WHEN "party" = 'DIRECT' THEN 'DIRECT:' || COALESCE("userId", '') ELSE 'PARTNER:' || COALESCE("partnerId", '') END;

-- CreateTable
CREATE TABLE "PayoutAdjustment" (
    "id" TEXT NOT NULL,
    "party" "PartyKind" NOT NULL,
    "userId" TEXT,
    "partnerId" TEXT,
    "kind" "PayoutAdjustmentKind" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "month" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "opportunityId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayoutAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PayoutAdjustment_userId_month_idx" ON "PayoutAdjustment"("userId", "month");

-- CreateIndex
CREATE INDEX "PayoutAdjustment_partnerId_month_idx" ON "PayoutAdjustment"("partnerId", "month");

-- CreateIndex
CREATE INDEX "Attribution_partnerId_final_idx" ON "Attribution"("partnerId", "final");

-- CreateIndex
CREATE INDEX "Attribution_userId_final_idx" ON "Attribution"("userId", "final");

-- CreateIndex
CREATE UNIQUE INDEX "Attribution_opportunityId_partyKey_key" ON "Attribution"("opportunityId", "partyKey");

-- AddForeignKey
ALTER TABLE "PayoutAdjustment" ADD CONSTRAINT "PayoutAdjustment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutAdjustment" ADD CONSTRAINT "PayoutAdjustment_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutAdjustment" ADD CONSTRAINT "PayoutAdjustment_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutAdjustment" ADD CONSTRAINT "PayoutAdjustment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

