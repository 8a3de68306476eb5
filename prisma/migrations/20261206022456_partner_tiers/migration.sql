-- CreateTable
CREATE TABLE "TierProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "fromTier" TEXT NOT NULL,
    "toTier" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "criteria" JSONB NOT NULL,
    "effectiveFrom" DATETIME,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TierProposal_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TierProposal_status_effectiveFrom_idx" ON "TierProposal"("status", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "TierProposal_partnerId_quarter_key" ON "TierProposal"("partnerId", "quarter");

