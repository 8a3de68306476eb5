-- CreateTable
CREATE TABLE "ForecastSnapshot" (
    "id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "week" TIMESTAMP(3) NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "category" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "closedWonCents" BIGINT NOT NULL,
    "commitCents" BIGINT NOT NULL,
    "expectedCents" BIGINT NOT NULL,
    "lowCents" BIGINT NOT NULL,
    "highCents" BIGINT NOT NULL,

    CONSTRAINT "ForecastSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ForecastSnapshot_period_week_category_key" ON "ForecastSnapshot"("period", "week", "category");

