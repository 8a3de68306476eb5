import type { Metadata } from "next";
import Link from "next/link";
import { SettingsForm, type SettingView } from "@/components/admin/settings-form";
import { NoAccess } from "@/components/shell/no-access";
import { CriteriaForm } from "@/components/tiers/criteria-form";
import { Card, PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { readSettingsForAdmin } from "@/lib/db/admin-settings";
import { readTierCriteria } from "@/lib/db/tier-criteria";
import { formatMoney, formatRelative } from "@/lib/format";
import { settingDefault, settingGroups, type SettingDef } from "@/lib/settings-catalog";
import { criteriaFormValues } from "@/lib/validation/tiers";

export const metadata: Metadata = { title: "Settings" };

function defaultText(def: SettingDef): string {
  const v = settingDefault(def.key);
  switch (def.kind) {
    case "int":
      return `${String(v)} ${def.unit}`;
    case "fraction":
      return `${Math.round((v as number) * 100)}%`;
    case "int-list":
      return (v as number[]).join(", ");
    case "pct-by-tier":
      return Object.entries(v as Record<string, number>)
        .map(([tier, pct]) => `${tier.charAt(0)}${tier.slice(1).toLowerCase()} ${pct}%`)
        .join(", ");
    case "bands":
      return (v as { minAcvCents: number; spiffCents: number }[])
        .map((b) => `${formatMoney(b.spiffCents)} from ${formatMoney(b.minAcvCents)}`)
        .join(", ");
  }
}

export default async function SettingsPage() {
  const ctx = await staffContext("settings:manage");
  if (!ctx.allowed) return <NoAccess what="Settings" />;
  const [current, criteria] = await Promise.all([readSettingsForAdmin(ctx), readTierCriteria(ctx)]);
  const now = new Date();
  const groups = settingGroups().map((g) => ({
    group: g.group,
    settings: g.defs.map((def): SettingView => ({
      key: def.key,
      label: def.label,
      unit: def.unit,
      help: def.help,
      kind: def.kind,
      parts: [...(def.parts ?? [])],
      value: current.values[def.key],
      defaultText: defaultText(def),
      changedText: current.updatedAt[def.key] ? formatRelative(current.updatedAt[def.key]!, now) : null,
    })),
  }));
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          "How Accord runs for everyone: SLAs, protection, pay and limits. A change applies from the next " +
          "request and is recorded in the audit log with its before and after."
        }
      />
      <SettingsForm groups={groups} version={current.version} />
      {/* the one editor of the tier criteria; /partners/tiers holds the quarterly proposals */}
      <section id="tier-criteria" className="mt-6 scroll-mt-6">
        <Card title="Partner tier criteria (per quarter)">
          <p className="mb-4 text-sm text-slate-600">
            What a partner must reach in a quarter to hold each tier. The quarterly review proposes promotions and
            demotions from them; channel operations confirm each on{" "}
            <Link href="/partners/tiers" className="text-brand-700 underline underline-offset-2">
              Partner tiers
            </Link>
            .
          </p>
          <CriteriaForm initial={criteriaFormValues(criteria)} />
        </Card>
      </section>
    </>
  );
}
