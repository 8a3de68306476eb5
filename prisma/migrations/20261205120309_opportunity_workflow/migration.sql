-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN "flaggedAt" DATETIME;
ALTER TABLE "Opportunity" ADD COLUMN "flaggedDecisionId" TEXT;
ALTER TABLE "Opportunity" ADD COLUMN "flaggedReason" TEXT;
ALTER TABLE "Opportunity" ADD COLUMN "flaggedRoute" TEXT;
ALTER TABLE "Opportunity" ADD COLUMN "lostReason" TEXT;

-- AlterTable
ALTER TABLE "PartnerTouch" ADD COLUMN "createdById" TEXT;

-- CreateTable
CREATE TABLE "OpportunityEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "opportunityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OpportunityEvent_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpportunityEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OpportunityEvent_opportunityId_at_idx" ON "OpportunityEvent"("opportunityId", "at");

-- CreateIndex
CREATE INDEX "Opportunity_flaggedAt_idx" ON "Opportunity"("flaggedAt");

