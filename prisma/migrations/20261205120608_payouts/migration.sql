-- CreateTable
CREATE TABLE "PayoutAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "party" TEXT NOT NULL,
    "userId" TEXT,
    "partnerId" TEXT,
    "kind" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "month" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "opportunityId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PayoutAdjustment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PayoutAdjustment_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PayoutAdjustment_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PayoutAdjustment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "opportunityId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "partyKey" TEXT NOT NULL DEFAULT '',
    "partnerId" TEXT,
    "userId" TEXT,
    "category" TEXT NOT NULL,
    "creditPct" REAL NOT NULL,
    "quotaCreditCents" BIGINT NOT NULL DEFAULT 0,
    "spiffCents" BIGINT NOT NULL DEFAULT 0,
    "partnerMarginPct" REAL,
    "partnerMarginCents" BIGINT NOT NULL DEFAULT 0,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "basis" TEXT NOT NULL DEFAULT '',
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attribution_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attribution_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attribution_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Backfill: rows written before this migration are the won deals' attribution (final), keyed by party
INSERT INTO "new_Attribution" ("category", "createdAt", "creditPct", "id", "opportunityId", "partnerId", "partnerMarginPct", "party", "quotaCreditCents", "spiffCents", "userId", "partyKey", "final") SELECT "category", "createdAt", "creditPct", "id", "opportunityId", "partnerId", "partnerMarginPct", "party", "quotaCreditCents", "spiffCents", "userId", CASE WHEN "party" = 'DIRECT' THEN 'DIRECT:' || COALESCE("userId", '') ELSE 'PARTNER:' || COALESCE("partnerId", '') END, true FROM "Attribution";
DROP TABLE "Attribution";
ALTER TABLE "new_Attribution" RENAME TO "Attribution";
CREATE INDEX "Attribution_opportunityId_idx" ON "Attribution"("opportunityId");
CREATE INDEX "Attribution_partnerId_final_idx" ON "Attribution"("partnerId", "final");
CREATE INDEX "Attribution_userId_final_idx" ON "Attribution"("userId", "final");
CREATE INDEX "Attribution_category_idx" ON "Attribution"("category");
CREATE UNIQUE INDEX "Attribution_opportunityId_partyKey_key" ON "Attribution"("opportunityId", "partyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PayoutAdjustment_userId_month_idx" ON "PayoutAdjustment"("userId", "month");

-- CreateIndex
CREATE INDEX "PayoutAdjustment_partnerId_month_idx" ON "PayoutAdjustment"("partnerId", "month");

