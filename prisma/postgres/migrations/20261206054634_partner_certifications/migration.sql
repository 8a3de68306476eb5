-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "certifications" INTEGER NOT NULL DEFAULT 0;

