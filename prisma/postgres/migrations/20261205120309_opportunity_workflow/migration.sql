-- CreateEnum
CREATE TYPE "OpportunityEventKind" AS ENUM ('CREATED', 'UPDATED', 'STAGE_CHANGED', 'CLOSED_WON', 'CLOSED_LOST', 'ROUTE_FLAGGED', 'ROUTE_ACCEPTED', 'TOUCH_ADDED');

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "flaggedAt" TIMESTAMP(3),
ADD COLUMN     "flaggedDecisionId" TEXT,
ADD COLUMN     "flaggedReason" TEXT,
ADD COLUMN     "flaggedRoute" "Route",
ADD COLUMN     "lostReason" TEXT;

-- AlterTable
ALTER TABLE "PartnerTouch" ADD COLUMN     "createdById" TEXT;

-- CreateTable
CREATE TABLE "OpportunityEvent" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "kind" "OpportunityEventKind" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OpportunityEvent_opportunityId_at_idx" ON "OpportunityEvent"("opportunityId", "at");

-- CreateIndex
CREATE INDEX "Opportunity_flaggedAt_idx" ON "Opportunity"("flaggedAt");

-- AddForeignKey
ALTER TABLE "OpportunityEvent" ADD CONSTRAINT "OpportunityEvent_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityEvent" ADD CONSTRAINT "OpportunityEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

