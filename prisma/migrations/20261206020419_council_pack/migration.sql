-- CreateTable
CREATE TABLE "CouncilAttendee" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("meetingId", "userId"),
    CONSTRAINT "CouncilAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CouncilAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruleSetId" TEXT,
    CONSTRAINT "CouncilDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CouncilDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CouncilDecision_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouncilActionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "completedAt" DATETIME,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouncilActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CouncilActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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

