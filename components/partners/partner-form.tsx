"use client";
// Create or edit a partner (lib/db/admin-partners.ts). Moving an active partner to suspended or
// terminated shows `impact` (its active claims and open hand-offs) and sends the counts shown as
// the confirmation; the server refuses (409) if they changed, and the page reloads the new ones.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createPartnerAction, updatePartnerAction } from "@/lib/actions/admin-partners";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FieldError, INPUT } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";
import { humanize } from "@/lib/format";
import { PARTNER_TIERS, PARTNER_TYPES, VERTICALS } from "@/lib/rules/values";
import { PARTNER_STATUSES } from "@/lib/validation/lists";

export type PartnerFormValues = {
  name: string;
  type: (typeof PARTNER_TYPES)[number];
  tier: (typeof PARTNER_TIERS)[number];
  status: (typeof PARTNER_STATUSES)[number];
  managerId: string;
  certifications: string;
  regionIds: string[];
  verticals: (typeof VERTICALS)[number][];
};

type Choices = { managers: { id: string; name: string }[]; regions: { id: string; name: string; code: string }[] };
type Errors = Record<string, string[] | undefined>;

const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

function Checkboxes<T extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  errors,
}: {
  id: string;
  legend: string;
  options: { value: T; label: string }[];
  value: T[];
  onChange: (next: T[]) => void;
  errors: string[] | undefined;
}) {
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined} className="min-w-0">
      <legend className="text-sm font-medium text-slate-700">
        {legend} <span className="ml-1 font-normal text-slate-500">(optional)</span>
      </legend>
      <div className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={id}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={() => onChange(toggle(value, o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={id} messages={errors} />
    </fieldset>
  );
}

export function PartnerForm({
  partner,
  choices,
  impact,
}: {
  /** absent: a new partner */
  partner?: PartnerFormValues & { id: string };
  choices: Choices;
  /** for an active partner: what deactivating it leaves standing, shown before it can be saved */
  impact?: { activeClaims: number; openHandoffs: number; panel: React.ReactNode };
}) {
  const router = useRouter();
  const [values, setValues] = useState<PartnerFormValues>(
    partner ?? {
      name: "",
      type: "RESELLER",
      tier: "REGISTERED",
      status: "ACTIVE",
      managerId: "",
      certifications: "0",
      regionIds: [],
      verticals: [],
    },
  );
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof PartnerFormValues>(key: K, v: PartnerFormValues[K]) =>
    setValues({ ...values, [key]: v });
  const deactivating = partner?.status === "ACTIVE" && values.status !== "ACTIVE";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const input = { ...values, managerId: values.managerId || null };
    const res = await (
      partner
        ? updatePartnerAction({
            ...input,
            id: partner.id,
            confirmed:
              deactivating && impact ? { activeClaims: impact.activeClaims, openHandoffs: impact.openHandoffs } : null,
          })
        : createPartnerAction(input)
    ).catch(() => null);
    setPending(false);
    if (!res) return setMessage({ tone: "error", text: UNREACHABLE });
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "error", text: res.message });
      // the claims or offers changed: show the new ones
      if (res.code === "CONFLICT" && !res.fieldErrors) router.refresh();
      return;
    }
    setErrors({});
    if (!partner) return router.push(`/partners/${res.data.id}`);
    const changed = !("changed" in res.data) || res.data.changed;
    setMessage({ tone: "ok", text: changed ? "Saved." : "No changes: nothing to save." });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="grid max-w-2xl gap-4">
      <Field id="partner-name" label="Name" errors={errors.name}>
        {(a) => (
          <input
            {...a}
            name="name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            autoComplete="off"
            maxLength={120}
            className={cn(INPUT, "mt-1")}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="partner-type" label="Type" errors={errors.type}>
          {(a) => (
            <select
              {...a}
              name="type"
              value={values.type}
              onChange={(e) => set("type", e.target.value as PartnerFormValues["type"])}
              className={cn(INPUT, "mt-1")}
            >
              {PARTNER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="partner-tier"
          label="Tier"
          errors={errors.tier}
          hint={partner ? "A change here is an ops override, audited; quarterly proposals are under Tiers." : undefined}
        >
          {(a) => (
            <select
              {...a}
              name="tier"
              value={values.tier}
              onChange={(e) => set("tier", e.target.value as PartnerFormValues["tier"])}
              className={cn(INPUT, "mt-1")}
            >
              {PARTNER_TIERS.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="partner-status" label="Status" errors={errors.status}>
          {(a) => (
            <select
              {...a}
              name="status"
              value={values.status}
              onChange={(e) => set("status", e.target.value as PartnerFormValues["status"])}
              className={cn(INPUT, "mt-1")}
            >
              {PARTNER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id="partner-certifications"
        label="Certifications"
        hint="Staff certified on our products; a tier criterion (Settings → Partner tier criteria)."
        errors={errors.certifications}
      >
        {(a) => (
          <input
            {...a}
            name="certifications"
            inputMode="numeric"
            value={values.certifications}
            onChange={(e) => set("certifications", e.target.value)}
            className={cn(INPUT, "mt-1 max-w-[12rem]")}
          />
        )}
      </Field>
      <Field id="partner-manager" label="Partner manager" optional errors={errors.managerId}>
        {(a) => (
          <select
            {...a}
            name="managerId"
            value={values.managerId}
            onChange={(e) => set("managerId", e.target.value)}
            className={cn(INPUT, "mt-1")}
          >
            <option value="">Nobody yet</option>
            {choices.managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Checkboxes
        id="regionIds"
        legend="Regions served"
        options={choices.regions.map((r) => ({ value: r.id, label: r.name }))}
        value={values.regionIds}
        onChange={(v) => set("regionIds", v)}
        errors={errors.regionIds}
      />
      <Checkboxes
        id="verticals"
        legend="Verticals"
        options={VERTICALS.map((v) => ({ value: v, label: humanize(v) }))}
        value={values.verticals}
        onChange={(v) => set("verticals", v)}
        errors={errors.verticals}
      />
      {deactivating && impact?.panel}
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}
        >
          {message.text}
        </p>
      )}
      <div className="flex items-center gap-4">
        <Button type="submit" variant={deactivating ? "danger" : "primary"} disabled={pending}>
          {pending
            ? "Saving…"
            : !partner
              ? "Create partner"
              : deactivating
                ? `Confirm: make ${humanize(values.status).toLowerCase()}`
                : "Save"}
        </Button>
        <Link
          href={partner ? `/partners/${partner.id}` : "/partners"}
          className="text-sm text-brand-700 hover:underline"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
