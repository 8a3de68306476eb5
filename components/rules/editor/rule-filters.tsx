"use client";
// The rule list's search and filters: words of a rule's name, a field its conditions test, the
// route it gives. The list (rule-list.tsx) applies them through rule-list-model.ts.
import { FIELD_CATALOGUE, ROUTES, type FactField, type Route } from "@/lib/rules";
import { humanize } from "@/lib/format";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";
import type { RuleFilter } from "./rule-list-model";

const FIELD_OPTIONS = Object.values(FIELD_CATALOGUE).map((s) => ({ value: s.field, label: s.label }));

export function RuleFilters({
  filter,
  onChange,
}: {
  filter: RuleFilter;
  onChange: (update: (f: RuleFilter) => RuleFilter) => void;
}) {
  return (
    <div
      className="mb-2 grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_11rem]"
      role="search"
      aria-label="Find rules"
    >
      <label className="flex flex-col gap-1">
        <span className={LABEL_COMPACT}>Search rule names</span>
        <input
          type="search"
          className={INPUT_COMPACT}
          value={filter.text}
          maxLength={200}
          placeholder="e.g. EMEA"
          onChange={(e) => onChange((f) => ({ ...f, text: e.target.value }))}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className={LABEL_COMPACT}>Filter by condition field</span>
        <select
          className={INPUT_COMPACT}
          value={filter.field}
          onChange={(e) => onChange((f) => ({ ...f, field: e.target.value as FactField | "" }))}
        >
          <option value="">Any field</option>
          {FIELD_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className={LABEL_COMPACT}>Filter by route</span>
        <select
          className={INPUT_COMPACT}
          value={filter.route}
          onChange={(e) => onChange((f) => ({ ...f, route: e.target.value as Route | "" }))}
        >
          <option value="">Any route</option>
          {ROUTES.map((r) => (
            <option key={r} value={r}>
              {humanize(r)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
