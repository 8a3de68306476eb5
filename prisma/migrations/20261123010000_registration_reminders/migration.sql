-- AlterTable
ALTER TABLE "DealRegistration" ADD COLUMN "slaReminderSentAt" DATETIME;

-- CreateIndex
CREATE INDEX "DealRegistration_status_lastActivityAt_idx" ON "DealRegistration"("status", "lastActivityAt");

