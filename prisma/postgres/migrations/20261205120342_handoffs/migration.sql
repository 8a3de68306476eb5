-- CreateEnum
CREATE TYPE "HandoffStatus" AS ENUM ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HandoffQueueState" AS ENUM ('WAITING_FOR_OPS', 'OFFERED', 'ACCEPTED', 'RETURNED_TO_OPS', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HandoffOrigin" AS ENUM ('COVERAGE_GAP', 'OPS');

-- CreateTable
CREATE TABLE "HandoffQueue" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "state" "HandoffQueueState" NOT NULL,
    "origin" "HandoffOrigin" NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoffQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "offerNumber" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" "HandoffStatus" NOT NULL DEFAULT 'OFFERED',
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "respondedById" TEXT,
    "declineReason" TEXT,
    "openKey" TEXT,
    "registrationId" TEXT,

    CONSTRAINT "Handoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HandoffQueue_opportunityId_key" ON "HandoffQueue"("opportunityId");

-- CreateIndex
CREATE INDEX "HandoffQueue_state_updatedAt_idx" ON "HandoffQueue"("state", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_openKey_key" ON "Handoff"("openKey");

-- CreateIndex
CREATE INDEX "Handoff_partnerId_status_offeredAt_idx" ON "Handoff"("partnerId", "status", "offeredAt");

-- CreateIndex
CREATE INDEX "Handoff_status_dueAt_idx" ON "Handoff"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Handoff_status_respondedAt_idx" ON "Handoff"("status", "respondedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_opportunityId_partnerId_key" ON "Handoff"("opportunityId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_queueId_round_offerNumber_key" ON "Handoff"("queueId", "round", "offerNumber");

-- AddForeignKey
ALTER TABLE "HandoffQueue" ADD CONSTRAINT "HandoffQueue_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "HandoffQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

