"use client";
// The portal's deal-registration form (docs/domain.md#deal-registration): inline errors from the shared schema, a live
// route preview and neutral overlap hints beside it, and one registration per form however often
// the partner clicks or retries (the idempotency token below).
import { useMemo, useRef, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { submitRegistrationAction } from "@/lib/actions/registrations";
import { VERTICALS } from "@/lib/rules";
import { humanize } from "@/lib/format";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, FormAlert, INPUT } from "@/components/ui/field";
import { ClaimNotices } from "./claim-notices";
import { RoutePreview } from "./route-preview";
import {
  EMPTY_VALUES,
  claimInput,
  fromServer,
  localToday,
  previewInput,
  toInput,
  validate,
  type Errors,
  type FieldName,
  type FormValues,
} from "./registration-form-model";

export type CountryChoice = { code: string; name: string; region: string };

/** crypto.randomUUID needs a secure context; plain-http intranet installs still get a random token. */
function newToken(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const noSubscription = () => () => {};
const fieldId = (f: FieldName) => `registration-${f}`;

const FORM_ID = "registration-form";

export function RegistrationForm({ countries, productLines }: { countries: CountryChoice[]; productLines: string[] }) {
  const router = useRouter();
  // one token per form render, kept across retries and double clicks: the server stores one registration per token
  const [token] = useState(newToken);
  // the partner's local date; empty during server rendering, which has no idea of their time zone
  const today = useSyncExternalStore(noSubscription, localToday, () => "");
  const [values, setValues] = useState<FormValues>(EMPTY_VALUES);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  // the partner's own active registration for the same company and product line (a 409)
  const [existing, setExisting] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);

  const clientErrors = useMemo(() => validate(values, today), [values, today]);
  const regions = useMemo(() => groupByRegion(countries), [countries]);
  const errorsOf = (f: FieldName) => serverErrors[f] ?? (submitted || touched[f] ? clientErrors[f] : undefined);

  function set(f: FieldName, value: string) {
    setValues((v) => ({ ...v, [f]: value }));
    // a server error is about the value the server saw; editing the field retires it
    setServerErrors((e) => (e[f] ? { ...e, [f]: undefined } : e));
  }
  const bind = (f: FieldName) => ({
    name: f,
    value: values[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(f, e.target.value),
    onBlur: () => setTouched((t) => (t[f] ? t : { ...t, [f]: true })),
    disabled: pending,
    className: cn(INPUT, "mt-1"),
  });

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (inFlight.current) return;
    setSubmitted(true);
    setAlert(null);
    setExisting(null);
    const invalid = (Object.keys(values) as FieldName[]).find((f) => clientErrors[f]);
    if (invalid) {
      setServerErrors({});
      document.getElementById(fieldId(invalid))?.focus();
      return;
    }
    inFlight.current = true;
    setPending(true);
    const res = await submitRegistrationAction({ token, input: toInput(values) }).catch(() => null);
    if (res?.ok) {
      // stay "pending" while the detail page loads, so the form cannot be sent again meanwhile
      const conflict = res.data.conflict ? `&conflict=${encodeURIComponent(res.data.conflict.type)}` : "";
      router.push(`/portal/registrations/${res.data.id}?created=1${conflict}`);
      return;
    }
    inFlight.current = false;
    setPending(false);
    if (!res) {
      setAlert("Could not reach the server. Nothing was lost: submit again when you are back online.");
      return;
    }
    const fieldErrors = fromServer(res.fieldErrors);
    setServerErrors(fieldErrors);
    setAlert(res.message);
    setExisting(res.code === "CONFLICT" ? (res.fieldErrors?.registrationId?.[0] ?? null) : null);
    const first = (Object.keys(values) as FieldName[]).find((f) => fieldErrors[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  return (
    // The submit row sits outside the form (joined to it by `form=`) so that on small screens the
    // route preview comes between the fields and the button: partners see the route before submitting.
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <form id={FORM_ID} onSubmit={onSubmit} noValidate aria-busy={pending} className="space-y-6 lg:col-span-2">
        <Card title="Customer">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field id={fieldId("name")} label="Company name" errors={errorsOf("name")} className="sm:col-span-2">
              {(a) => (
                <input
                  {...a}
                  {...bind("name")}
                  type="text"
                  autoComplete="organization"
                  maxLength={200}
                  required
                  placeholder="e.g. Northwind Health GmbH"
                />
              )}
            </Field>
            <Field
              id={fieldId("domain")}
              label="Website domain"
              optional
              hint="Helps match the account, e.g. northwind.example"
              errors={errorsOf("domain")}
              className="sm:col-span-2"
            >
              {(a) => (
                <input
                  {...a}
                  {...bind("domain")}
                  type="text"
                  inputMode="url"
                  autoComplete="url"
                  maxLength={253}
                  placeholder="northwind.example"
                />
              )}
            </Field>
            <Field id={fieldId("country")} label="Country" errors={errorsOf("country")}>
              {(a) => (
                <select {...a} {...bind("country")} required>
                  <option value="">Choose a country…</option>
                  {regions.map(([region, list]) => (
                    <optgroup key={region} label={region}>
                      {list.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fieldId("vertical")} label="Industry" errors={errorsOf("vertical")}>
              {(a) => (
                <select {...a} {...bind("vertical")} required>
                  <option value="">Choose an industry…</option>
                  {VERTICALS.map((v) => (
                    <option key={v} value={v}>
                      {humanize(v)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </Card>
        <Card title="Deal">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field id={fieldId("productLine")} label="Product line" errors={errorsOf("productLine")}>
              {(a) => (
                <select {...a} {...bind("productLine")} required>
                  <option value="">Choose a product line…</option>
                  {productLines.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={fieldId("acv")}
              label="Estimated ACV (USD)"
              hint="Annual contract value in US dollars"
              errors={errorsOf("acv")}
            >
              {(a) => (
                <input
                  {...a}
                  {...bind("acv")}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  required
                  placeholder="250,000"
                />
              )}
            </Field>
            <Field id={fieldId("closeDate")} label="Expected close date" errors={errorsOf("closeDate")}>
              {(a) => <input {...a} {...bind("closeDate")} type="date" min={today || undefined} required />}
            </Field>
            <div className="sm:col-span-2">
              <ClaimNotices input={claimInput(values)} />
            </div>
            <Field
              id={fieldId("description")}
              label="Description"
              optional
              hint="What the customer needs and where the deal stands. Reviewers read this."
              errors={errorsOf("description")}
              className="sm:col-span-2"
            >
              {(a) => <textarea {...a} {...bind("description")} rows={4} maxLength={5000} />}
            </Field>
          </div>
        </Card>
      </form>
      <aside aria-label="Route preview" className="lg:col-start-3 lg:row-span-2 lg:row-start-1">
        <RoutePreview input={previewInput(values)} />
      </aside>
      <div className="space-y-6 lg:col-span-2">
        <FormAlert message={alert} />
        {existing && (
          <p className="text-sm">
            <Link
              href={`/portal/registrations/${encodeURIComponent(existing)}`}
              className="font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900"
            >
              Open your registration
            </Link>
          </p>
        )}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <ButtonLink href="/portal/registrations" variant="ghost">
            Cancel
          </ButtonLink>
          <Button type="submit" form={FORM_ID} disabled={pending}>
            {pending ? "Submitting…" : "Submit registration"}
          </Button>
        </div>
      </div>
    </div>
  );
}

function groupByRegion(countries: CountryChoice[]): [string, CountryChoice[]][] {
  const groups = new Map<string, CountryChoice[]>();
  for (const c of countries) {
    const list = groups.get(c.region) ?? [];
    list.push(c);
    groups.set(c.region, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, list]) => [r, list.sort((x, y) => x.name.localeCompare(y.name))]);
}
