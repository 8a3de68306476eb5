-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'SENDING' AFTER 'PENDING';

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "failingSince" TIMESTAMP(3),
ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Outbox_leaseToken_idx" ON "Outbox"("leaseToken");


-- Existing rows: due from their creation, not from the time of this migration.
UPDATE "Outbox" SET "nextAttemptAt" = "createdAt";

-- Mail given up on by the old five-attempts rule during the last 24 hours is retried now, still
-- counting its failures from its creation (the old attempts ran a minute apart from then).
UPDATE "Outbox" SET "status" = 'PENDING', "failingSince" = "createdAt", "nextAttemptAt" = CURRENT_TIMESTAMP
WHERE "status" = 'FAILED' AND "createdAt" >= CURRENT_TIMESTAMP - INTERVAL '1 day';
