"use client";
// The decision explorer: facts in, route and full trace out, under any rule set version. The form
// is generated from the field catalogue, so a new fact appears here without touching this file.
import { useState } from "react";
import { explainAction } from "@/lib/actions/rule-sets";
import type { Decision, Facts, Route } from "@/lib/rules";
import type { PlainTraceEntry } from "@/lib/rules/plain-trace";
import { FIELD_CATALOGUE } from "@/lib/rules/fields";
import { FACT_FIELDS, type FactField } from "@/lib/rules/values";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RouteBadge } from "@/components/ui/badge";
import { FieldError, INPUT_COMPACT, LABEL_COMPACT, errorProps } from "@/components/ui/field";
import { TraceList } from "./trace-list";
import { PartnerPicker } from "./partner-picker";
import { EMPTY_VALUES, toFacts, toValues, type FactErrors, type FactValues } from "./fact-form";
import { humanize } from "@/lib/format";

const GROUPS: { title: string; fields: FactField[] }[] = [
  { title: "Deal", fields: ["acv", "currency", "productLine", "productKind", "stage", "at"] },
  {
    title: "Account",
    fields: ["country", "region", "regionDirectPresence", "vertical", "accountTier", "namedAccount"],
  },
  {
    title: "Partner and claims",
    fields: ["partnerId", "partnerType", "partnerTier", "registrationStatus", "registeredFirst", "priorRoute"],
  },
];
// any fact added to the catalogue later still gets an input
const OTHER = FACT_FIELDS.filter((f) => !GROUPS.some((g) => g.fields.includes(f)));
if (OTHER.length) GROUPS.push({ title: "Other", fields: OTHER });

// The catalogue describes the stored form (cents, ISO strings, ids); these say what to type instead.
const HINT: Partial<Record<string, string>> = {
  partnerId: "The partner on the deal, by name; empty when there is none.",
  money: "Annual contract value in dollars, e.g. 150,000 or 150000.50.",
  date: "When the decision is taken, read as UTC.",
};

/** A decision as the explorer receives it: the trace in plain language (lib/db/trace.ts). */
type ExplainedDecision = Omit<Decision, "trace"> & { trace: PlainTraceEntry[] };

const LEAD: Record<Decision["leadRole"], string> = {
  PARTNER: "Partner",
  AE: "Account executive",
  AE_AND_PARTNER: "AE and partner",
};

function FactInput({
  field,
  value,
  errors,
  onChange,
  partnerName,
  onPartnerName,
}: {
  field: FactField;
  value: string;
  errors?: string[];
  onChange: (v: string) => void;
  /** the partner fact: the name of the partner whose id `value` holds */
  partnerName?: string;
  onPartnerName?: (id: string, name: string) => void;
}) {
  const spec = FIELD_CATALOGUE[field];
  const id = `fact-${field}`;
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    name: field,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(e.target.value),
    className: `mt-1 ${INPUT_COMPACT}`,
    ...errorProps(id, errors),
    "aria-describedby": describedBy,
  };
  let control: React.ReactNode;
  if (field === "partnerId") {
    const { id: _id, name: _name, value: _value, onChange: _onChange, ...inputProps } = common;
    control = (
      <PartnerPicker
        id={id}
        value={value ? { id: value, name: partnerName ?? value } : null}
        onChange={(p) => {
          if (p) onPartnerName?.(p.id, p.name);
          onChange(p?.id ?? "");
        }}
        inputProps={inputProps}
      />
    );
  } else if (spec.type === "enum") {
    control = (
      <select {...common}>
        <option value="">Not set</option>
        {spec.values?.map((v) => (
          <option key={v} value={v}>
            {humanize(v)}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === "boolean") {
    control = (
      <select {...common}>
        <option value="">Not set</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  } else if (spec.type === "date") {
    control = <input type="datetime-local" {...common} />;
  } else if (spec.type === "money") {
    control = <input type="text" inputMode="decimal" autoComplete="off" placeholder="e.g. 250000" {...common} />;
  } else {
    control = (
      <input
        type={spec.type === "number" ? "number" : "text"}
        autoComplete="off"
        maxLength={spec.maxLength}
        placeholder={spec.examples?.[0] ? `e.g. ${spec.examples[0]}` : undefined}
        {...common}
      />
    );
  }
  return (
    <div>
      <label htmlFor={id} id={`${id}-label`} className={LABEL_COMPACT}>
        {spec.label}
        {spec.type === "money" && " (USD)"}
        {spec.type === "date" && " (UTC)"}
      </label>
      {control}
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
        {HINT[field] ?? HINT[spec.type] ?? spec.description}
      </p>
      <FieldError id={id} messages={errors} />
    </div>
  );
}

export type ExplorerRuleSet = { id: string; version: number; label: string };

export function DecisionExplorer({
  ruleSet,
  initialFacts,
  initialPartnerName,
  recorded,
}: {
  ruleSet: ExplorerRuleSet;
  initialFacts: Facts | null;
  /** the name of the partner initialFacts.partnerId names */
  initialPartnerName: string | null;
  recorded: { route: Route | null; ruleSetVersion: number | null } | null;
}) {
  const [values, setValues] = useState<FactValues>(() => toValues(initialFacts));
  const [partnerNames, setPartnerNames] = useState<Record<string, string>>(() =>
    initialFacts?.partnerId && initialPartnerName ? { [initialFacts.partnerId]: initialPartnerName } : {},
  );
  // "Clear all facts" starts the partner picker afresh (it keeps the text typed into it)
  const [generation, setGeneration] = useState(0);
  const [errors, setErrors] = useState<FactErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ruleSetId: string; decision: ExplainedDecision } | null>(null);
  // a result belongs to the rule set it was computed under; switching versions hides it
  const shown = result?.ruleSetId === ruleSet.id ? result.decision : null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = toFacts(values);
    setErrors(parsed.errors);
    setMessage(null);
    if (Object.keys(parsed.errors).length) return setMessage("Check the highlighted facts.");
    setPending(true);
    const res = await explainAction({ ruleSetId: ruleSet.id, facts: parsed.facts });
    setPending(false);
    if (res.ok) return setResult({ ruleSetId: ruleSet.id, decision: res.data });
    setErrors((res.fieldErrors ?? {}) as FactErrors);
    setMessage(res.message);
  }

  function reset() {
    setValues(EMPTY_VALUES);
    setGeneration((g) => g + 1);
    setErrors({});
    setMessage(null);
    setResult(null);
  }

  const set = (field: FactField) => (v: string) => setValues((prev) => ({ ...prev, [field]: v }));
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-5">
      <form onSubmit={submit} noValidate className="space-y-4 xl:col-span-3" aria-label="Deal facts">
        {GROUPS.map((g) => (
          <Card key={g.title} title={g.title}>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {g.fields.map((f) => (
                <FactInput
                  key={f === "partnerId" ? `${f}-${generation}` : f}
                  field={f}
                  value={values[f]}
                  errors={errors[f]}
                  onChange={set(f)}
                  partnerName={partnerNames[values[f]]}
                  onPartnerName={(id, name) => setPartnerNames((prev) => ({ ...prev, [id]: name }))}
                />
              ))}
            </div>
          </Card>
        ))}
        {message && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {message}
            {errors._ ? ` ${errors._.join(" ")}` : ""}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Deciding…" : `Decide under v${ruleSet.version}`}
          </Button>
          <Button type="button" variant="secondary" onClick={reset} disabled={pending}>
            Clear all facts
          </Button>
          <p className="text-xs text-slate-500">Facts left unset are missing to the rules. Nothing is stored.</p>
        </div>
      </form>
      <div className="xl:col-span-2" aria-live="polite">
        <div className="xl:sticky xl:top-4">
          {shown ? (
            <DecisionCard decision={shown} recorded={recorded} />
          ) : (
            <Card title="Decision">
              <p className="text-sm text-slate-600">
                Fill in the facts you know and choose “Decide”. The route, the winning rule and every rule tried appear
                here.
              </p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

function DecisionCard({
  decision,
  recorded,
}: {
  decision: ExplainedDecision;
  recorded: { route: Route | null; ruleSetVersion: number | null } | null;
}) {
  return (
    <Card title={`Decision under v${decision.ruleSetVersion}`}>
      <div className="space-y-3">
        <div className="flex items-center gap-3">
          <RouteBadge route={decision.route} />
          <span className="text-sm font-medium text-slate-900">
            {decision.ruleName
              ? `Rule ${decision.rulePriority}: ${decision.ruleName}`
              : "No rule matched: default outcome"}
          </span>
        </div>
        <dl className="grid grid-cols-3 gap-2 text-sm">
          <div>
            <dt className="text-xs text-slate-500">Lead</dt>
            <dd className="text-slate-800">{LEAD[decision.leadRole]}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Protection</dt>
            <dd className="text-slate-800">
              {decision.protectionDays === null ? "None" : `${decision.protectionDays} days`}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Attribution</dt>
            <dd className="text-slate-800">{humanize(decision.attributionCategory)}</dd>
          </div>
        </dl>
        {recorded && (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700">
            Recorded on the opportunity: <RouteBadge route={recorded.route} />
            {recorded.ruleSetVersion !== null && ` (decided under v${recorded.ruleSetVersion})`}
            {recorded.route === decision.route ? " — the same route." : " — this decision differs."}
          </p>
        )}
        <h3 className="pt-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Every rule tried, in order
        </h3>
        <TraceList trace={decision.trace} />
      </div>
    </Card>
  );
}
