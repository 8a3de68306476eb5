-- Conflict workflow (issue 11): where a case came from, who raised it, the open-subject key that
-- settles two raises at once, when it reached its level, and the last-level overdue flag.
-- Written as ADD COLUMN rather than Prisma's table rebuild, so triggers on "Conflict" (full-text
-- search) survive whichever order the migrations run in.
ALTER TABLE "Conflict" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'REGISTRATION';
ALTER TABLE "Conflict" ADD COLUMN "raisedById" TEXT;
ALTER TABLE "Conflict" ADD COLUMN "openSubjectKey" TEXT;
ALTER TABLE "Conflict" ADD COLUMN "levelSince" DATETIME;
ALTER TABLE "Conflict" ADD COLUMN "lastFlaggedAt" DATETIME;
CREATE UNIQUE INDEX "Conflict_openSubjectKey_key" ON "Conflict"("openSubjectKey");
