"use client";
// What a matching rule (or the default) decides: route, who leads, protection and attribution.
import { ATTRIBUTION_CATEGORIES, LEAD_ROLES, ROUTES } from "@/lib/rules";
import { LEAD_LABELS } from "@/components/rules/condition-text";
import type { EditorOutcome, FieldErrors } from "./draft-model";
import { SelectField, TextField } from "@/components/ui/field";

export function OutcomeFields({
  idPrefix,
  outcome,
  onChange,
  errors,
}: {
  idPrefix: string;
  outcome: EditorOutcome;
  onChange: (patch: Partial<EditorOutcome>) => void;
  /** Keyed by the outcome's own field names (route, protectionDays, …). */
  errors?: FieldErrors;
}) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <SelectField
        id={`${idPrefix}-route`}
        label="Route"
        value={outcome.route}
        options={ROUTES}
        errors={errors?.route}
        onChange={(v) => onChange({ route: v as EditorOutcome["route"] })}
      />
      <SelectField
        id={`${idPrefix}-lead`}
        label="Lead"
        value={outcome.leadRole}
        errors={errors?.leadRole}
        options={LEAD_ROLES.map((r) => ({ value: r, label: LEAD_LABELS[r] }))}
        onChange={(v) => onChange({ leadRole: v as EditorOutcome["leadRole"] })}
      />
      <TextField
        id={`${idPrefix}-protection`}
        label="Protection (days)"
        value={outcome.protectionDays}
        inputMode="numeric"
        placeholder="None"
        hint="Empty = no protection"
        errors={errors?.protectionDays}
        onChange={(v) => onChange({ protectionDays: v })}
      />
      <SelectField
        id={`${idPrefix}-attribution`}
        label="Attribution category"
        value={outcome.attributionCategory}
        options={ATTRIBUTION_CATEGORIES}
        errors={errors?.attributionCategory}
        onChange={(v) => onChange({ attributionCategory: v as EditorOutcome["attributionCategory"] })}
      />
    </div>
  );
}
