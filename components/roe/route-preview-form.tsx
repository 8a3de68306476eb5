"use client";
// "Which route would this deal get, and why?" before registering it. The server decides for the
// signed-in partner under the rules in force now, on the same facts a registration would use.
import { useState } from "react";
import { previewRouteAction } from "@/lib/actions/route-preview";
import type { Route } from "@/lib/rules";
import type { PlainTraceEntry } from "@/lib/rules/plain-trace";
import { VERTICALS } from "@/lib/rules/values";
import { Button } from "@/components/ui/button";
import { RouteBadge } from "@/components/ui/badge";
import { FieldError, FormAlert, INPUT_COMPACT, LABEL_COMPACT, errorProps } from "@/components/ui/field";
import { TraceList } from "@/components/rules/trace-list";
import { humanize } from "@/lib/format";
import { parseDollars } from "@/lib/money";
import { MAX_ACV_CENTS } from "@/lib/validation/registrations";

const PRODUCT_LINES = ["Platform", "Analytics", "Implementation"] as const;

type Field = "country" | "vertical" | "productLine" | "estimatedAcv";
type Errors = Partial<Record<Field, string[]>>;
type Preview = {
  route: Route;
  ruleName: string | null;
  rulePriority: number | null;
  rationale: string;
  protectionDays: number | null;
  leadRole: string;
  ruleSetVersion: number;
  trace: PlainTraceEntry[];
};

const LEAD: Record<string, string> = {
  PARTNER: "Your company",
  AE: "The vendor's account executive",
  AE_AND_PARTNER: "An account executive with your company",
};

// Server errors arrive keyed by schema path; the country check runs on the nested account input.
const FIELD_OF: Record<string, Field> = {
  country: "country",
  "account.country": "country",
  vertical: "vertical",
  productLine: "productLine",
  estimatedAcv: "estimatedAcv",
};

function validate(v: Record<Field, string>): { errors: Errors; cents?: number } {
  const errors: Errors = {};
  if (!/^[A-Za-z]{2}$/.test(v.country.trim()))
    errors.country = ["Use the two-letter country code (ISO 3166), e.g. DE."];
  if (!v.vertical) errors.vertical = ["Pick the customer's industry."];
  if (!v.productLine) errors.productLine = ["Pick a product line."];
  const cents = parseDollars(v.estimatedAcv);
  if (cents === null || cents <= 0 || cents > MAX_ACV_CENTS)
    errors.estimatedAcv = ["Enter the estimated ACV in dollars, e.g. 180000."];
  return { errors, cents: cents ?? undefined };
}

export function RoutePreviewForm() {
  const [values, setValues] = useState<Record<Field, string>>({
    country: "",
    vertical: "",
    productLine: "",
    estimatedAcv: "",
  });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = validate(values);
    setErrors(checked.errors);
    setMessage(null);
    if (Object.keys(checked.errors).length || checked.cents === undefined) return;
    setPending(true);
    const res = await previewRouteAction({
      country: values.country.trim().toUpperCase(),
      vertical: values.vertical,
      productLine: values.productLine,
      estimatedAcv: checked.cents,
    });
    setPending(false);
    if (res.ok) return setPreview(res.data as Preview);
    const mapped: Errors = {};
    for (const [key, msgs] of Object.entries(res.fieldErrors ?? {})) if (FIELD_OF[key]) mapped[FIELD_OF[key]] = msgs;
    setErrors(mapped);
    setMessage(res.message);
    setPreview(null);
  }

  const field = (name: Field) => ({
    id: `preview-${name}`,
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues({ ...values, [name]: e.target.value }),
    className: `mt-1 ${INPUT_COMPACT}`,
    ...errorProps(`preview-${name}`, errors[name]),
  });
  return (
    <div className="space-y-4">
      <form
        onSubmit={submit}
        noValidate
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2"
      >
        <div>
          <label htmlFor="preview-country" className={LABEL_COMPACT}>
            Customer country
          </label>
          <input
            {...field("country")}
            maxLength={2}
            autoComplete="off"
            placeholder="e.g. DE"
            className={`${field("country").className} uppercase placeholder:normal-case`}
          />
          <FieldError id="preview-country" messages={errors.country} />
        </div>
        <div>
          <label htmlFor="preview-vertical" className={LABEL_COMPACT}>
            Industry
          </label>
          <select {...field("vertical")}>
            <option value="">Choose…</option>
            {VERTICALS.map((v) => (
              <option key={v} value={v}>
                {humanize(v)}
              </option>
            ))}
          </select>
          <FieldError id="preview-vertical" messages={errors.vertical} />
        </div>
        <div>
          <label htmlFor="preview-productLine" className={LABEL_COMPACT}>
            Product line
          </label>
          <select {...field("productLine")}>
            <option value="">Choose…</option>
            {PRODUCT_LINES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <FieldError id="preview-productLine" messages={errors.productLine} />
        </div>
        <div>
          <label htmlFor="preview-estimatedAcv" className={LABEL_COMPACT}>
            Estimated ACV (USD)
          </label>
          <input {...field("estimatedAcv")} inputMode="decimal" autoComplete="off" placeholder="e.g. 180000" />
          <FieldError id="preview-estimatedAcv" messages={errors.estimatedAcv} />
        </div>
        <div className="sm:col-span-2 lg:col-span-1 xl:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Preview route"}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        <FormAlert message={message} />
        {preview && <PreviewResult preview={preview} />}
      </div>
    </div>
  );
}

/** The trace arrives as the reader may see it (lib/db/trace.ts), in plain language. */
function PreviewResult({ preview }: { preview: Preview }) {
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">Route:</span> <RouteBadge route={preview.route} />
      </p>
      <p className="text-slate-800">
        {preview.ruleName ? (
          <>
            Decided by rule {preview.rulePriority}, <strong className="font-medium">{preview.ruleName}</strong>
          </>
        ) : (
          "No rule applies, so the default outcome decides"
        )}{" "}
        (version {preview.ruleSetVersion}).
      </p>
      {preview.rationale && (
        <p className="text-slate-700">
          <span className="font-medium">Why: </span>
          {preview.rationale}
        </p>
      )}
      <p className="text-slate-700">
        Led by: {LEAD[preview.leadRole] ?? humanize(preview.leadRole)}.{" "}
        {preview.protectionDays === null
          ? "No registration protection."
          : `Protected for ${preview.protectionDays} days once approved.`}
      </p>
      <details>
        <summary className="cursor-pointer font-medium text-slate-700">Every scenario checked</summary>
        <div className="mt-2">
          <TraceList trace={preview.trace} />
        </div>
      </details>
      <p className="text-xs text-slate-500">
        A preview, not a registration: the account&apos;s own status (for example a named account) is checked when you
        register.
      </p>
    </div>
  );
}
