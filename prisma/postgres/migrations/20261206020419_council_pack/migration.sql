-- CreateEnum
CREATE TYPE "CouncilDecisionKind" AS ENUM ('RULE_CHANGE', 'MDF_MOVE', 'OTHER');

-- CreateEnum
CREATE TYPE "CouncilActionStatus" AS ENUM ('OPEN', 'DONE');

-- CreateTable
CREATE TABLE "CouncilAttendee" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilAttendee_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "CouncilDecision" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "CouncilDecisionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruleSetId" TEXT,

    CONSTRAINT "CouncilDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilActionItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" "CouncilActionStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMP(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CouncilAttendee_userId_idx" ON "CouncilAttendee"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilDecision_ruleSetId_key" ON "CouncilDecision"("ruleSetId");

-- CreateIndex
CREATE INDEX "CouncilDecision_meetingId_decidedAt_idx" ON "CouncilDecision"("meetingId", "decidedAt");

-- CreateIndex
CREATE INDEX "CouncilActionItem_meetingId_createdAt_idx" ON "CouncilActionItem"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "CouncilActionItem_ownerId_status_idx" ON "CouncilActionItem"("ownerId", "status");

-- AddForeignKey
ALTER TABLE "CouncilAttendee" ADD CONSTRAINT "CouncilAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilAttendee" ADD CONSTRAINT "CouncilAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilDecision" ADD CONSTRAINT "CouncilDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilDecision" ADD CONSTRAINT "CouncilDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilDecision" ADD CONSTRAINT "CouncilDecision_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilActionItem" ADD CONSTRAINT "CouncilActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilActionItem" ADD CONSTRAINT "CouncilActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

