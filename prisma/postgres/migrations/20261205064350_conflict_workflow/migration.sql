-- CreateEnum
CREATE TYPE "ConflictSource" AS ENUM ('REGISTRATION', 'AE', 'PARTNER', 'PRICING', 'ATTRIBUTION');

-- AlterTable
ALTER TABLE "Conflict" ADD COLUMN     "lastFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "levelSince" TIMESTAMP(3),
ADD COLUMN     "openSubjectKey" TEXT,
ADD COLUMN     "raisedById" TEXT,
ADD COLUMN     "source" "ConflictSource" NOT NULL DEFAULT 'REGISTRATION';

-- CreateIndex
CREATE UNIQUE INDEX "Conflict_openSubjectKey_key" ON "Conflict"("openSubjectKey");

