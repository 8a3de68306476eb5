import type { Metadata } from "next";
import { SettingsForm, type SettingView } from "@/components/admin/settings-form";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/card";
import { staffContext } from "@/lib/auth/page";
import { readSettingsForAdmin } from "@/lib/db/admin-settings";
import { formatMoney, formatRelative } from "@/lib/format";
import { settingDefault, settingGroups, type SettingDef } from "@/lib/settings-catalog";

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
  const current = await readSettingsForAdmin(ctx);
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
      {/* Tier criteria (issue 14, partner programme) are added as their own section below. */}
    </>
  );
}
