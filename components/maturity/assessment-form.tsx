"use client";
// The maturity assessment form (lib/db/maturity.ts saveAssessment): a quarter, a score per dimension
// with what each score means in this framework, and evidence. The assessor is the signed-in user.
// Submitting a quarter already assessed edits that assessment; the form says so up front. Beside each
// dimension the data can speak to, the quarter's measured indicator (lib/db/maturity.ts measuredIndicators).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveAssessmentAction } from "@/lib/actions/maturity";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FieldError, FormAlert, INPUT, errorProps } from "@/components/ui/field";
import { IndicatorFigure } from "@/components/maturity/indicator-figure";
import type { Indicator } from "@/lib/db/maturity";
import { FRAMEWORK_DEFS, SCORES, stageOf, type Framework, type IndicatorKey } from "@/lib/maturity";

export type AssessmentFormProps = {
  framework: Framework;
  periods: string[];
  period: string;
  /** the quarter's existing scores and evidence (an edit), by dimension */
  initial: Record<string, { score: number; evidence: string }>;
  existing: boolean;
  /** the quarter's measured indicators the caller may read, by key */
  indicators: Partial<Record<IndicatorKey, Indicator>>;
};

export function AssessmentForm(props: AssessmentFormProps) {
  const router = useRouter();
  const def = FRAMEWORK_DEFS[props.framework];
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(props.initial).map(([k, v]) => [k, String(v.score)])),
  );
  const [evidence, setEvidence] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(props.initial).map(([k, v]) => [k, v.evidence])),
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setAlert(null);
    const res = await saveAssessmentAction({
      framework: props.framework,
      period: props.period,
      scores,
      evidence,
    }).catch(() => null);
    setPending(false);
    if (!res) return setAlert("Could not reach the server. Nothing was saved; try again.");
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setAlert(res.message);
    }
    router.push(`/maturity?period=${res.data.period}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Assess ${def.label}`}>
      <Card>
        <Field id="assessment-period" label="Quarter" errors={errors.period}>
          {(a) => (
            <select
              {...a}
              className={`${INPUT} mt-1 max-w-xs`}
              value={props.period}
              onChange={(e) => router.push(`/maturity/assess?framework=${def.slug}&period=${e.target.value}`)}
            >
              {props.periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Field>
        {props.existing && (
          <p className="mt-2 text-sm text-amber-800">
            {props.period} is already assessed: saving replaces its scores and evidence, and you become its assessor.
          </p>
        )}
      </Card>
      {def.dimensions.map((d) => {
        const id = `score-${d.key}`;
        const scoreErrors = errors[`scores.${d.key}`];
        const measured = d.indicator ? props.indicators[d.indicator] : undefined;
        return (
          <Card key={d.key} className="mt-4">
            <div className={measured ? "grid gap-4 lg:grid-cols-[1fr_16rem]" : undefined}>
              <fieldset aria-describedby={scoreErrors ? `${id}-error` : undefined}>
                <legend className="text-sm font-semibold text-slate-900">{d.label}</legend>
                <p className="text-xs text-slate-500">{d.question}</p>
                <div
                  className="mt-2 space-y-1"
                  role="radiogroup"
                  aria-label={`${d.label} score`}
                  {...errorProps(id, scoreErrors)}
                >
                  {SCORES.map((s) => {
                    const stage = stageOf(props.framework, s);
                    return (
                      <label key={s} className="flex items-start gap-2 text-sm text-slate-800">
                        <input
                          type="radio"
                          name={id}
                          value={s}
                          className="mt-1"
                          checked={scores[d.key] === String(s)}
                          onChange={() => {
                            setScores((old) => ({ ...old, [d.key]: String(s) }));
                            setErrors(({ [`scores.${d.key}`]: _dropped, ...rest }) => rest);
                          }}
                          aria-label={`${d.label}: ${s} — ${stage.name}`}
                        />
                        <span>
                          <span className="font-medium">
                            {s} — {stage.name}
                          </span>
                          <span className="text-slate-600">: {stage.description}</span>
                        </span>
                      </label>
                    );
                  })}
                </div>
                <FieldError id={id} messages={scoreErrors} />
              </fieldset>
              {measured && <IndicatorFigure indicator={measured} framework={props.framework} />}
            </div>
            <Field
              id={`evidence-${d.key}`}
              label={`Evidence for ${d.label}`}
              optional
              errors={errors[`evidence.${d.key}`]}
              className="mt-3"
            >
              {(a) => (
                <textarea
                  {...a}
                  rows={2}
                  maxLength={2000}
                  className={`${INPUT} mt-1`}
                  value={evidence[d.key] ?? ""}
                  onChange={(e) => setEvidence((old) => ({ ...old, [d.key]: e.target.value }))}
                />
              )}
            </Field>
          </Card>
        );
      })}
      <FormAlert message={alert} className="mt-4" />
      <div className="mt-4 flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save assessment"}
        </Button>
        <ButtonLink href="/maturity" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
