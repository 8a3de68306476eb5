-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PARTNER_MANAGER', 'AE', 'EXEC', 'PARTNER');

-- CreateEnum
CREATE TYPE "ExecTitle" AS ENUM ('VP_SALES', 'VP_CHANNEL', 'VP_REVOPS', 'VP_CS', 'CRO', 'CEO');

-- CreateEnum
CREATE TYPE "PartnerType" AS ENUM ('RESELLER', 'DISTRIBUTOR', 'REFERRAL', 'MSP', 'MARKETPLACE');

-- CreateEnum
CREATE TYPE "PartnerTier" AS ENUM ('PLATINUM', 'GOLD', 'SILVER', 'REGISTERED');

-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "Vertical" AS ENUM ('TECHNOLOGY', 'FINANCIAL_SERVICES', 'HEALTHCARE', 'GOVERNMENT', 'MANUFACTURING', 'MEDIA', 'BUSINESS_SERVICES', 'EDUCATION', 'HOSPITALITY', 'RETAIL', 'AUTOMOTIVE', 'ENERGY');

-- CreateEnum
CREATE TYPE "AccountTier" AS ENUM ('STRATEGIC', 'ENTERPRISE', 'MIDMARKET', 'SMB');

-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('CORE', 'ADDON', 'SERVICES');

-- CreateEnum
CREATE TYPE "RuleSetStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "Route" AS ENUM ('PARTNER_LED', 'CO_SELL', 'DIRECT', 'DIRECT_PARTNER_ATTACHED', 'MARKETPLACE');

-- CreateEnum
CREATE TYPE "LeadRole" AS ENUM ('PARTNER', 'AE', 'AE_AND_PARTNER');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('PROSPECT', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST');

-- CreateEnum
CREATE TYPE "DealSource" AS ENUM ('DIRECT', 'PARTNER');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'CONVERTED');

-- CreateEnum
CREATE TYPE "DecisionSubject" AS ENUM ('REGISTRATION', 'OPPORTUNITY');

-- CreateEnum
CREATE TYPE "ConflictType" AS ENUM ('DUPLICATE_REGISTRATION', 'DIRECT_VS_PARTNER', 'NAMED_ACCOUNT', 'PRICING_UNDERCUT', 'ATTRIBUTION_DISPUTE');

-- CreateEnum
CREATE TYPE "ConflictStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ConflictResolution" AS ENUM ('AWARD_PARTNER', 'AWARD_DIRECT', 'SPLIT', 'CO_SELL', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ConflictEventKind" AS ENUM ('OPENED', 'COMMENTED', 'ESCALATED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('PARTNER', 'DIRECT');

-- CreateEnum
CREATE TYPE "AttributionCategory" AS ENUM ('DIRECT', 'PARTNER_SOURCED', 'PARTNER_COSELL', 'PARTNER_INFLUENCED', 'MARKETPLACE');

-- CreateEnum
CREATE TYPE "MaturityFramework" AS ENUM ('RULES_OF_ENGAGEMENT', 'PARTNER_DIRECT_ENABLEMENT', 'CHANNEL_BALANCED_DEMAND');

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('PARTNER', 'ADMIN');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "title" "ExecTitle",
    "partnerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "type" "PartnerType" NOT NULL,
    "tier" "PartnerTier" NOT NULL,
    "status" "PartnerStatus" NOT NULL DEFAULT 'ACTIVE',
    "managerId" TEXT,
    "website" TEXT,
    "country" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerRegion" (
    "partnerId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "PartnerRegion_pkey" PRIMARY KEY ("partnerId","regionId")
);

-- CreateTable
CREATE TABLE "PartnerVertical" (
    "partnerId" TEXT NOT NULL,
    "vertical" "Vertical" NOT NULL,

    CONSTRAINT "PartnerVertical_pkey" PRIMARY KEY ("partnerId","vertical")
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "directPresence" BOOLEAN NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionCountry" (
    "country" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "RegionCountry_pkey" PRIMARY KEY ("country")
);

-- CreateTable
CREATE TABLE "ProductLine" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL,

    CONSTRAINT "ProductLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "domain" TEXT,
    "domainKey" TEXT,
    "country" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "vertical" "Vertical" NOT NULL,
    "tier" "AccountTier" NOT NULL,
    "namedAccount" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "RuleSetStatus" NOT NULL DEFAULT 'DRAFT',
    "effectiveFrom" TIMESTAMP(3),
    "effectiveTo" TIMESTAMP(3),
    "changeNote" TEXT NOT NULL DEFAULT '',
    "defaultOutcome" JSONB NOT NULL,
    "authorId" TEXT,
    "publisherId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL,
    "ruleSetId" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "conditions" JSONB NOT NULL,
    "route" "Route" NOT NULL,
    "leadRole" "LeadRole" NOT NULL,
    "protectionDays" INTEGER,
    "attributionCategory" "AttributionCategory" NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RouteDecision" (
    "id" TEXT NOT NULL,
    "subjectType" "DecisionSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "ruleSetId" TEXT NOT NULL,
    "ruleSetVersion" INTEGER NOT NULL,
    "ruleId" TEXT,
    "route" "Route" NOT NULL,
    "protectionDays" INTEGER,
    "facts" JSONB NOT NULL,
    "trace" JSONB NOT NULL,
    "flaggedForReview" BOOLEAN NOT NULL DEFAULT false,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RouteDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "productLineId" TEXT NOT NULL,
    "acvCents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "stage" "Stage" NOT NULL,
    "closeDate" TIMESTAMP(3) NOT NULL,
    "listPriceCents" BIGINT,
    "discountPct" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "source" "DealSource" NOT NULL DEFAULT 'DIRECT',
    "aeId" TEXT,
    "partnerId" TEXT,
    "route" "Route",
    "routeDecisionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerTouch" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerTouch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealRegistration" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "submittedById" TEXT,
    "accountName" TEXT NOT NULL,
    "accountDomain" TEXT,
    "accountCountry" TEXT NOT NULL,
    "accountVertical" "Vertical" NOT NULL,
    "accountNameKey" TEXT NOT NULL,
    "accountDomainKey" TEXT,
    "accountId" TEXT,
    "productLineId" TEXT NOT NULL,
    "estimatedAcvCents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "expectedCloseDate" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "RegistrationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "route" "Route",
    "routeDecisionId" TEXT,
    "slaDueAt" TIMESTAMP(3) NOT NULL,
    "protectedUntil" TIMESTAMP(3),
    "extensionCount" INTEGER NOT NULL DEFAULT 0,
    "reviewerId" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "activeClaimKey" TEXT,
    "idempotencyKey" TEXT,
    "requestHash" TEXT,
    "opportunityId" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DealRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationEvent" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "fromStatus" "RegistrationStatus",
    "toStatus" "RegistrationStatus" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationExtension" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "requestedById" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "ExtensionStatus" NOT NULL DEFAULT 'REQUESTED',
    "decidedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "RegistrationExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conflict" (
    "id" TEXT NOT NULL,
    "type" "ConflictType" NOT NULL,
    "status" "ConflictStatus" NOT NULL DEFAULT 'OPEN',
    "level" INTEGER NOT NULL DEFAULT 1,
    "accountId" TEXT,
    "opportunityId" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "slaDueAt" TIMESTAMP(3) NOT NULL,
    "criteria" JSONB,
    "resolution" "ConflictResolution",
    "rationale" TEXT,
    "tags" JSONB,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictParty" (
    "id" TEXT NOT NULL,
    "conflictId" TEXT NOT NULL,
    "kind" "PartyKind" NOT NULL,
    "partnerId" TEXT,
    "userId" TEXT,
    "creditPct" DOUBLE PRECISION,

    CONSTRAINT "ConflictParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictRegistration" (
    "conflictId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,

    CONSTRAINT "ConflictRegistration_pkey" PRIMARY KEY ("conflictId","registrationId")
);

-- CreateTable
CREATE TABLE "ConflictEvent" (
    "id" TEXT NOT NULL,
    "conflictId" TEXT NOT NULL,
    "kind" "ConflictEventKind" NOT NULL,
    "actorId" TEXT,
    "fromLevel" INTEGER,
    "toLevel" INTEGER,
    "body" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attribution" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "party" "PartyKind" NOT NULL,
    "partnerId" TEXT,
    "userId" TEXT,
    "category" "AttributionCategory" NOT NULL,
    "creditPct" DOUBLE PRECISION NOT NULL,
    "quotaCreditCents" BIGINT NOT NULL DEFAULT 0,
    "spiffCents" BIGINT NOT NULL DEFAULT 0,
    "partnerMarginPct" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PricingCorridor" (
    "id" TEXT NOT NULL,
    "productLineId" TEXT NOT NULL,
    "route" "Route" NOT NULL,
    "maxDiscountPct" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PricingCorridor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MdfFund" (
    "id" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "partnerId" TEXT,
    "motion" TEXT,
    "allocatedCents" BIGINT NOT NULL,
    "spentCents" BIGINT NOT NULL DEFAULT 0,
    "sourcedPipelineCents" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MdfFund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityAssessment" (
    "id" TEXT NOT NULL,
    "framework" "MaturityFramework" NOT NULL,
    "period" TEXT NOT NULL,
    "assessorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaturityAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityScore" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MaturityScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMeeting" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "agenda" JSONB NOT NULL,
    "decisions" JSONB NOT NULL,
    "attendees" JSONB NOT NULL,
    "heldAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scope" "ApiKeyScope" NOT NULL,
    "partnerId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientUserId" TEXT,
    "recipientEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "payload" JSONB,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JobLock" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "lockedUntil" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "JobLock_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_partnerId_idx" ON "User"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_nameKey_key" ON "Partner"("nameKey");

-- CreateIndex
CREATE INDEX "Partner_managerId_idx" ON "Partner"("managerId");

-- CreateIndex
CREATE INDEX "Partner_type_tier_idx" ON "Partner"("type", "tier");

-- CreateIndex
CREATE INDEX "Partner_status_idx" ON "Partner"("status");

-- CreateIndex
CREATE INDEX "PartnerRegion_regionId_idx" ON "PartnerRegion"("regionId");

-- CreateIndex
CREATE INDEX "PartnerVertical_vertical_idx" ON "PartnerVertical"("vertical");

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "RegionCountry_regionId_idx" ON "RegionCountry"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductLine_name_key" ON "ProductLine"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ProductLine_nameKey_key" ON "ProductLine"("nameKey");

-- CreateIndex
CREATE INDEX "Account_nameKey_idx" ON "Account"("nameKey");

-- CreateIndex
CREATE INDEX "Account_domainKey_idx" ON "Account"("domainKey");

-- CreateIndex
CREATE INDEX "Account_ownerId_idx" ON "Account"("ownerId");

-- CreateIndex
CREATE INDEX "Account_regionId_idx" ON "Account"("regionId");

-- CreateIndex
CREATE INDEX "Account_vertical_idx" ON "Account"("vertical");

-- CreateIndex
CREATE INDEX "Account_name_idx" ON "Account"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_name_key" ON "Segment"("name");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_version_key" ON "RuleSet"("version");

-- CreateIndex
CREATE INDEX "RuleSet_status_effectiveFrom_idx" ON "RuleSet"("status", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_ruleSetId_priority_key" ON "Rule"("ruleSetId", "priority");

-- CreateIndex
CREATE INDEX "RouteDecision_subjectType_subjectId_idx" ON "RouteDecision"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "RouteDecision_ruleSetId_idx" ON "RouteDecision"("ruleSetId");

-- CreateIndex
CREATE INDEX "RouteDecision_flaggedForReview_idx" ON "RouteDecision"("flaggedForReview");

-- CreateIndex
CREATE INDEX "Opportunity_partnerId_stage_idx" ON "Opportunity"("partnerId", "stage");

-- CreateIndex
CREATE INDEX "Opportunity_aeId_stage_idx" ON "Opportunity"("aeId", "stage");

-- CreateIndex
CREATE INDEX "Opportunity_accountId_stage_idx" ON "Opportunity"("accountId", "stage");

-- CreateIndex
CREATE INDEX "Opportunity_stage_closeDate_idx" ON "Opportunity"("stage", "closeDate");

-- CreateIndex
CREATE INDEX "Opportunity_route_idx" ON "Opportunity"("route");

-- CreateIndex
CREATE INDEX "Opportunity_createdAt_idx" ON "Opportunity"("createdAt");

-- CreateIndex
CREATE INDEX "Opportunity_closedAt_idx" ON "Opportunity"("closedAt");

-- CreateIndex
CREATE INDEX "PartnerTouch_opportunityId_idx" ON "PartnerTouch"("opportunityId");

-- CreateIndex
CREATE INDEX "PartnerTouch_partnerId_idx" ON "PartnerTouch"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_activeClaimKey_key" ON "DealRegistration"("activeClaimKey");

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_opportunityId_key" ON "DealRegistration"("opportunityId");

-- CreateIndex
CREATE INDEX "DealRegistration_partnerId_status_idx" ON "DealRegistration"("partnerId", "status");

-- CreateIndex
CREATE INDEX "DealRegistration_status_slaDueAt_idx" ON "DealRegistration"("status", "slaDueAt");

-- CreateIndex
CREATE INDEX "DealRegistration_status_protectedUntil_idx" ON "DealRegistration"("status", "protectedUntil");

-- CreateIndex
CREATE INDEX "DealRegistration_accountNameKey_productLineId_idx" ON "DealRegistration"("accountNameKey", "productLineId");

-- CreateIndex
CREATE INDEX "DealRegistration_accountDomainKey_idx" ON "DealRegistration"("accountDomainKey");

-- CreateIndex
CREATE INDEX "DealRegistration_accountId_idx" ON "DealRegistration"("accountId");

-- CreateIndex
CREATE INDEX "DealRegistration_submittedAt_idx" ON "DealRegistration"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DealRegistration_partnerId_idempotencyKey_key" ON "DealRegistration"("partnerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RegistrationEvent_registrationId_at_idx" ON "RegistrationEvent"("registrationId", "at");

-- CreateIndex
CREATE INDEX "RegistrationExtension_registrationId_idx" ON "RegistrationExtension"("registrationId");

-- CreateIndex
CREATE INDEX "RegistrationExtension_status_idx" ON "RegistrationExtension"("status");

-- CreateIndex
CREATE INDEX "Conflict_status_level_slaDueAt_idx" ON "Conflict"("status", "level", "slaDueAt");

-- CreateIndex
CREATE INDEX "Conflict_type_idx" ON "Conflict"("type");

-- CreateIndex
CREATE INDEX "Conflict_accountId_idx" ON "Conflict"("accountId");

-- CreateIndex
CREATE INDEX "Conflict_openedAt_idx" ON "Conflict"("openedAt");

-- CreateIndex
CREATE INDEX "ConflictParty_conflictId_idx" ON "ConflictParty"("conflictId");

-- CreateIndex
CREATE INDEX "ConflictParty_partnerId_idx" ON "ConflictParty"("partnerId");

-- CreateIndex
CREATE INDEX "ConflictParty_userId_idx" ON "ConflictParty"("userId");

-- CreateIndex
CREATE INDEX "ConflictRegistration_registrationId_idx" ON "ConflictRegistration"("registrationId");

-- CreateIndex
CREATE INDEX "ConflictEvent_conflictId_at_idx" ON "ConflictEvent"("conflictId", "at");

-- CreateIndex
CREATE INDEX "Attribution_opportunityId_idx" ON "Attribution"("opportunityId");

-- CreateIndex
CREATE INDEX "Attribution_partnerId_idx" ON "Attribution"("partnerId");

-- CreateIndex
CREATE INDEX "Attribution_userId_idx" ON "Attribution"("userId");

-- CreateIndex
CREATE INDEX "Attribution_category_idx" ON "Attribution"("category");

-- CreateIndex
CREATE UNIQUE INDEX "PricingCorridor_productLineId_route_key" ON "PricingCorridor"("productLineId", "route");

-- CreateIndex
CREATE INDEX "MdfFund_quarter_idx" ON "MdfFund"("quarter");

-- CreateIndex
CREATE INDEX "MdfFund_partnerId_idx" ON "MdfFund"("partnerId");

-- CreateIndex
CREATE INDEX "MaturityAssessment_framework_period_idx" ON "MaturityAssessment"("framework", "period");

-- CreateIndex
CREATE UNIQUE INDEX "MaturityScore_assessmentId_dimension_key" ON "MaturityScore"("assessmentId", "dimension");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMeeting_month_key" ON "CouncilMeeting"("month");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_partnerId_idx" ON "ApiKey"("partnerId");

-- CreateIndex
CREATE INDEX "Outbox_status_createdAt_idx" ON "Outbox"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Outbox_recipientUserId_createdAt_idx" ON "Outbox"("recipientUserId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerRegion" ADD CONSTRAINT "PartnerRegion_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerRegion" ADD CONSTRAINT "PartnerRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerVertical" ADD CONSTRAINT "PartnerVertical_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionCountry" ADD CONSTRAINT "RegionCountry_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSet" ADD CONSTRAINT "RuleSet_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSet" ADD CONSTRAINT "RuleSet_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouteDecision" ADD CONSTRAINT "RouteDecision_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouteDecision" ADD CONSTRAINT "RouteDecision_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_productLineId_fkey" FOREIGN KEY ("productLineId") REFERENCES "ProductLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_aeId_fkey" FOREIGN KEY ("aeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_routeDecisionId_fkey" FOREIGN KEY ("routeDecisionId") REFERENCES "RouteDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerTouch" ADD CONSTRAINT "PartnerTouch_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerTouch" ADD CONSTRAINT "PartnerTouch_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_productLineId_fkey" FOREIGN KEY ("productLineId") REFERENCES "ProductLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_routeDecisionId_fkey" FOREIGN KEY ("routeDecisionId") REFERENCES "RouteDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealRegistration" ADD CONSTRAINT "DealRegistration_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "DealRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationExtension" ADD CONSTRAINT "RegistrationExtension_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "DealRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictParty" ADD CONSTRAINT "ConflictParty_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "Conflict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictParty" ADD CONSTRAINT "ConflictParty_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictParty" ADD CONSTRAINT "ConflictParty_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictRegistration" ADD CONSTRAINT "ConflictRegistration_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "Conflict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictRegistration" ADD CONSTRAINT "ConflictRegistration_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "DealRegistration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictEvent" ADD CONSTRAINT "ConflictEvent_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "Conflict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictEvent" ADD CONSTRAINT "ConflictEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PricingCorridor" ADD CONSTRAINT "PricingCorridor_productLineId_fkey" FOREIGN KEY ("productLineId") REFERENCES "ProductLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdfFund" ADD CONSTRAINT "MdfFund_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityScore" ADD CONSTRAINT "MaturityScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "MaturityAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outbox" ADD CONSTRAINT "Outbox_recipientUserId_fkey" FOREIGN KEY ("recipientUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

