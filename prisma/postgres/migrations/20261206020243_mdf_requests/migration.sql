-- CreateEnum
CREATE TYPE "MdfRequestStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'CLAIMED', 'PAID');

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "mdfRequestId" TEXT;

-- AlterTable
ALTER TABLE "MdfFund" ADD COLUMN     "committedCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MdfRequest" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "expectedPipelineCents" BIGINT NOT NULL,
    "status" "MdfRequestStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "proofPath" TEXT,
    "proofName" TEXT,
    "proofType" TEXT,
    "proofBytes" INTEGER,
    "paidById" TEXT,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "MdfRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MdfRequest_partnerId_status_idx" ON "MdfRequest"("partnerId", "status");

-- CreateIndex
CREATE INDEX "MdfRequest_fundId_status_idx" ON "MdfRequest"("fundId", "status");

-- CreateIndex
CREATE INDEX "MdfRequest_status_requestedAt_idx" ON "MdfRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "Opportunity_mdfRequestId_idx" ON "Opportunity"("mdfRequestId");

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_mdfRequestId_fkey" FOREIGN KEY ("mdfRequestId") REFERENCES "MdfRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfRequest" ADD CONSTRAINT "MdfRequest_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "MdfFund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfRequest" ADD CONSTRAINT "MdfRequest_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfRequest" ADD CONSTRAINT "MdfRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfRequest" ADD CONSTRAINT "MdfRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfRequest" ADD CONSTRAINT "MdfRequest_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfRequest" ADD CONSTRAINT "MdfRequest_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

