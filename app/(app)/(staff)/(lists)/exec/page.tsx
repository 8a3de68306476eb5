import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { NoAccess } from "@/components/shell/no-access";
import { BarList } from "@/components/dashboards/bar-list";
import { CountList } from "@/components/dashboards/count-list";
import { hrefWith } from "@/components/ui/url";
import { LeakageCard } from "@/components/pricing/leakage-card";
import { staffContext } from "@/lib/auth/page";
import { leakageReport } from "@/lib/db/pricing-leakage";
import { currentQuarter } from "@/lib/pricing/period";
import { TITLE_LABEL } from "@/lib/auth/types";
import { conflictTile } from "@/lib/db/conflicts";
import { openPipelineBy, quarterResults, registrationPulse } from "@/lib/db/dashboards";
import { formatMoney, formatNumber, formatPct, humanize } from "@/lib/format";
import { ROUTES } from "@/lib/validation/lists";

export const metadata: Metadata = { title: "Revenue council" };

const LEVELS = [
  { level: "1", label: "Level 1 — AE and partner manager" },
  { level: "2", label: "Level 2 — VP Sales and VP Channel" },
  { level: "3", label: "Level 3 — CRO" },
  { level: "4", label: "Level 4 — CEO" },
];

const compact = (cents: bigint) => formatMoney(cents, "USD", undefined, { compact: true });
const share = (part: bigint, whole: bigint) =>
  whole > BigInt(0) ? Number((part * BigInt(10_000)) / whole) / 10_000 : 0;

export default async function ExecPage() {
  const ctx = await staffContext("EXEC");
  if (!ctx.allowed) return <NoAccess what="The revenue council dashboard" />;
  const now = new Date();
  const [byRoute, bySource, results, byLevel, pulse, leakage] = await Promise.all([
    openPipelineBy(ctx, "route"),
    openPipelineBy(ctx, "source"),
    quarterResults(ctx, now),
    // every open case by level, each count linking to the /conflicts view it counts
    Promise.all([
      conflictTile(ctx, { slice: "all" }, now),
      ...LEVELS.map((l) => conflictTile(ctx, { slice: "all", level: l.level }, now)),
    ]),
    registrationPulse(ctx, now),
    leakageReport(ctx, currentQuarter(now)),
  ]);
  const openAcv = byRoute.reduce((a, b) => a + b.acvCents, BigInt(0));
  const partnerSourced = bySource.find((s) => s.key === "PARTNER")?.acvCents ?? BigInt(0);
  const decided = results.won.count + results.lost.count;
  const [allOpen, ...levelTiles] = byLevel;
  // every route gets a bar, even an empty one, so a route the pipeline lacks is visible
  const routes = [...ROUTES, ...(byRoute.some((b) => b.key === "UNROUTED") ? ["UNROUTED"] : [])].map(
    (r) => byRoute.find((b) => b.key === r) ?? { key: r, count: 0, acvCents: BigInt(0) },
  );
  const who = ctx.title ? TITLE_LABEL[ctx.title] : "Executive";
  return (
    <>
      <PageHeader
        title={`Revenue council — ${who}`}
        description={
          `One view of direct and partner revenue for ${results.quarter}: pipeline by route, ` +
          `results this quarter, and where conflicts and registrations are stuck.`
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Open pipeline"
          value={compact(openAcv)}
          hint={`${formatNumber(routes.reduce((a, b) => a + b.count, 0))} open deals`}
        />
        <Stat
          label={`Won in ${results.quarter}`}
          value={compact(results.won.acvCents)}
          tone="good"
          hint={`${formatNumber(results.won.count)} deals · win rate ${decided ? formatPct(results.won.count / decided) : "—"}`}
        />
        <Stat
          label={`Lost in ${results.quarter}`}
          value={compact(results.lost.acvCents)}
          hint={`${formatNumber(results.lost.count)} deals`}
        />
        <Stat
          label="Partner-sourced share"
          value={formatPct(share(partnerSourced, openAcv), undefined, 1)}
          hint={`${compact(partnerSourced)} of open pipeline came from partner registrations`}
        />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Open pipeline by route" className="lg:col-span-2">
          {openAcv === BigInt(0) ? (
            <p className="text-sm text-slate-600">
              No open pipeline yet. Deals appear here by route as soon as they are created or registered.
            </p>
          ) : (
            <BarList
              label="Open pipeline ACV by route"
              bars={routes.map((r) => ({
                key: r.key,
                label: `${r.key === "UNROUTED" ? "Not routed yet" : humanize(r.key)} (${formatNumber(r.count)})`,
                value: Number(r.acvCents),
                display: `${compact(r.acvCents)} · ${formatPct(share(r.acvCents, openAcv))}`,
                href: r.key === "UNROUTED" ? undefined : hrefWith("/opportunities", { route: r.key }, {}),
              }))}
            />
          )}
        </Card>
        <div className="space-y-6">
          <Card
            title={`Open conflicts (${formatNumber(allOpen.count)})`}
            action={
              <Link href={allOpen.href} className="text-xs font-medium text-brand-700 hover:underline">
                Open the list
              </Link>
            }
          >
            <CountList
              label="Open conflicts by level"
              items={LEVELS.map((l, i) => ({ key: l.level, label: l.label, ...levelTiles[i] }))}
            />
          </Card>
          <Card title="Registrations">
            <CountList
              label="Registration queue health"
              items={[
                {
                  key: "overdue",
                  label: (
                    <Link href="/registrations?status=SUBMITTED&sort=slaDueAt&dir=asc" className="hover:underline">
                      Overdue decisions
                    </Link>
                  ),
                  count: pulse.overdue,
                  warn: true,
                },
                { key: "awaiting", label: "Awaiting decision", count: pulse.awaiting },
                { key: "expiring", label: "Protection ending in 14 days", count: pulse.expiringSoon },
              ]}
            />
          </Card>
          <LeakageCard report={leakage} />
        </div>
      </div>
    </>
  );
}
