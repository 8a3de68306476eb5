-- AlterTable
ALTER TABLE "DealRegistration" ADD COLUMN     "slaReminderSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "DealRegistration_status_lastActivityAt_idx" ON "DealRegistration"("status", "lastActivityAt");

