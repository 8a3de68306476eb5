-- a tier criterion (docs/domain.md#scorecards-and-tiers); a plain ADD COLUMN keeps the table and its references
ALTER TABLE "Partner" ADD COLUMN "certifications" INTEGER NOT NULL DEFAULT 0;
