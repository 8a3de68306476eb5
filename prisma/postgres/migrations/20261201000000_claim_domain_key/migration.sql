-- AlterTable
ALTER TABLE "DealRegistration" ADD COLUMN     "activeClaimDomainKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_activeClaimDomainKey_key" ON "DealRegistration"("activeClaimDomainKey");
