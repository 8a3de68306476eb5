-- CreateEnum
CREATE TYPE "TierProposalStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'DISMISSED', 'APPLIED');

-- CreateTable
CREATE TABLE "TierProposal" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "fromTier" "PartnerTier" NOT NULL,
    "toTier" "PartnerTier" NOT NULL,
    "status" "TierProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "criteria" JSONB NOT NULL,
    "effectiveFrom" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TierProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TierProposal_status_effectiveFrom_idx" ON "TierProposal"("status", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "TierProposal_partnerId_quarter_key" ON "TierProposal"("partnerId", "quarter");

-- AddForeignKey
ALTER TABLE "TierProposal" ADD CONSTRAINT "TierProposal_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

