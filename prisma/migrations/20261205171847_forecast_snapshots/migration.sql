-- CreateTable
CREATE TABLE "ForecastSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "period" TEXT NOT NULL,
    "week" DATETIME NOT NULL,
    "takenAt" DATETIME NOT NULL,
    "category" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "closedWonCents" BIGINT NOT NULL,
    "commitCents" BIGINT NOT NULL,
    "expectedCents" BIGINT NOT NULL,
    "lowCents" BIGINT NOT NULL,
    "highCents" BIGINT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ForecastSnapshot_period_week_category_key" ON "ForecastSnapshot"("period", "week", "category");

