-- DropIndex
DROP INDEX "MaturityAssessment_framework_period_idx";

-- CreateIndex
CREATE UNIQUE INDEX "MaturityAssessment_framework_period_key" ON "MaturityAssessment"("framework", "period");

