-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "recipientUserId" TEXT,
    "recipientEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "payload" JSONB,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failingSince" DATETIME,
    "leaseToken" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "readAt" DATETIME,
    CONSTRAINT "Outbox_recipientUserId_fkey" FOREIGN KEY ("recipientUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- nextAttemptAt copies createdAt: written the way Prisma writes dates (ISO 8601 text), not CURRENT_TIMESTAMP
INSERT INTO "new_Outbox" ("nextAttemptAt", "attempts", "body", "createdAt", "id", "kind", "lastError", "payload", "readAt", "recipientEmail", "recipientUserId", "sentAt", "status", "subject") SELECT "createdAt", "attempts", "body", "createdAt", "id", "kind", "lastError", "payload", "readAt", "recipientEmail", "recipientUserId", "sentAt", "status", "subject" FROM "Outbox";
DROP TABLE "Outbox";
ALTER TABLE "new_Outbox" RENAME TO "Outbox";
CREATE INDEX "Outbox_status_createdAt_idx" ON "Outbox"("status", "createdAt");
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");
CREATE INDEX "Outbox_leaseToken_idx" ON "Outbox"("leaseToken");
CREATE INDEX "Outbox_recipientUserId_createdAt_idx" ON "Outbox"("recipientUserId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Mail given up on by the old five-attempts rule during the last 24 hours is retried now, still
-- counting its failures from its creation (the old attempts ran a minute apart from then).
UPDATE "Outbox" SET "status" = 'PENDING', "failingSince" = "createdAt", "nextAttemptAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
WHERE "status" = 'FAILED' AND "createdAt" >= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-1 day');

