import type { Metadata } from "next";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { RoutePreviewForm } from "@/components/roe/route-preview-form";
import { ScenarioList } from "@/components/roe/scenario-list";
import { SegmentList } from "@/components/roe/segment-list";
import { segmentDecision } from "@/components/roe/segment-route";
import { VersionHistory } from "@/components/roe/version-history";
import { partnerContext } from "@/lib/auth/page";
import { findPartner } from "@/lib/db/partners";
import { ruleSetInForceAt, listRuleSets } from "@/lib/db/rule-sets";
import { listSegments } from "@/lib/db/segments";
import { formatDate, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Rules of engagement" };

export default async function PortalRulesPage() {
  // partner scope: listRuleSets never returns drafts to a partner, findPartner only its own company,
  // and the rule set in force is by definition published
  const ctx = await partnerContext();
  const now = new Date();
  const [inForce, versions, segments, own] = await Promise.all([
    ruleSetInForceAt(now),
    listRuleSets(ctx),
    listSegments(ctx),
    findPartner(ctx, ctx.partnerId),
  ]);
  const history = versions.map(({ id, version, status, effectiveFrom, effectiveTo, changeNote }) => ({
    id,
    version,
    status,
    effectiveFrom,
    effectiveTo,
    changeNote,
  }));

  if (!inForce) {
    return (
      <>
        <PageHeader
          title="Rules of engagement"
          description="How deals are routed between your company and the vendor's direct team."
        />
        <EmptyState title="No rules of engagement are in force yet">
          The vendor has not published rules that apply today. Talk to your partner manager before you register a deal.
        </EmptyState>
        {history.length > 0 && (
          <Card title="Published versions" className="mt-6">
            <VersionHistory versions={history} inForceId={null} now={now} />
          </Card>
        )}
      </>
    );
  }

  const { engine } = inForce;
  const partner = own ? { id: own.partner.id, type: own.partner.type, tier: own.partner.tier } : null;
  const segmentRoutes = partner
    ? segments.map((segment) => ({ segment, decision: segmentDecision(engine, segment, partner, now) }))
    : [];
  const partnerLed = engine.rules.filter((r) => r.outcome.route === "PARTNER_LED").length;

  return (
    <>
      <PageHeader
        title="Rules of engagement"
        description={
          `Who leads each deal, your company or the vendor's direct team, and why. Version ` +
          `${inForce.version} has been in force since ${formatDate(inForce.effectiveFrom)}.`
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Version in force"
          value={`v${inForce.version}`}
          hint={`Since ${formatDate(inForce.effectiveFrom)}`}
        />
        <Stat label="Scenarios" value={formatNumber(engine.rules.length + 1)} hint="Rules plus the default" />
        <Stat
          label="Partner-led scenarios"
          value={formatNumber(partnerLed)}
          tone="good"
          hint="Where your company leads"
        />
        <Stat
          label="Applies to"
          value={<span className="text-base">New deals</span>}
          hint="Deals keep the rules they were registered under"
        />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Who leads where">
            {segmentRoutes.length === 0 ? (
              <p className="text-sm text-slate-600">
                No market segments are described yet. The scenarios below are the complete rules.
              </p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-600">
                  The route shown is the one a typical deal in each segment gets when your company registers it today.
                  The exact rules are the scenarios below.
                </p>
                <SegmentList segments={segmentRoutes} />
              </>
            )}
          </Card>
          <Card title="If… then… scenarios">
            <ScenarioList engine={engine} ownPartnerId={ctx.partnerId} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Preview a deal's route">
            <p className="mb-3 text-sm text-slate-600">
              See which route a deal would get before you register it. Nothing is saved.
            </p>
            <RoutePreviewForm />
          </Card>
          <Card title="Version history">
            <VersionHistory versions={history} inForceId={inForce.id} now={now} />
          </Card>
        </div>
      </div>
    </>
  );
}
