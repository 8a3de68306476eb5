-- CreateTable
CREATE TABLE "MdfRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fundId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "expectedPipelineCents" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "claimedById" TEXT,
    "claimedAt" DATETIME,
    "proofPath" TEXT,
    "proofName" TEXT,
    "proofType" TEXT,
    "proofBytes" INTEGER,
    "paidById" TEXT,
    "paidAt" DATETIME,
    CONSTRAINT "MdfRequest_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "MdfFund" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MdfRequest_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MdfRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MdfRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MdfRequest_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MdfRequest_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN: the ConflictSearchSource view blocks redefining Opportunity)
ALTER TABLE "Opportunity" ADD COLUMN "mdfRequestId" TEXT REFERENCES "MdfRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Opportunity_mdfRequestId_idx" ON "Opportunity"("mdfRequestId");

-- AlterTable
ALTER TABLE "MdfFund" ADD COLUMN "committedCents" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "MdfFund" ADD COLUMN "expiresAt" DATETIME;

-- CreateIndex
CREATE INDEX "MdfRequest_partnerId_status_idx" ON "MdfRequest"("partnerId", "status");

-- CreateIndex
CREATE INDEX "MdfRequest_fundId_status_idx" ON "MdfRequest"("fundId", "status");

-- CreateIndex
CREATE INDEX "MdfRequest_status_requestedAt_idx" ON "MdfRequest"("status", "requestedAt");

