"use client";
// The "New opportunity" and "Edit opportunity" form (lib/db/opportunity-writes.ts). Money is typed
// in dollars; the server parses it (lib/validation/opportunities.ts) and answers field by field.
// An edit carries the version it loaded: a deal changed meanwhile answers "reload" (409).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createOpportunityAction, updateOpportunityAction } from "@/lib/actions/opportunities";
import { humanize } from "@/lib/format";
import { OPEN_STAGES } from "@/lib/opportunities/stages";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormAlert, INPUT } from "@/components/ui/field";
import { AccountCombobox, type PickedAccount } from "./account-combobox";

type Option = { id: string; name: string };

export type OpportunityFormValues = {
  name: string;
  productLineId: string;
  acvCents: string;
  listPriceCents: string;
  discountPct: string;
  closeDate: string;
  stage: string;
  partnerId: string;
  aeId: string;
};

export type OpportunityFormProps = {
  options: { productLines: Option[]; partners: Option[]; aes: Option[] };
} & (
  | { mode: "create" }
  | { mode: "edit"; id: string; account: Option; expectedUpdatedAt: string; initial: OpportunityFormValues }
);

const EMPTY: OpportunityFormValues = {
  name: "",
  productLineId: "",
  acvCents: "",
  listPriceCents: "",
  discountPct: "0",
  closeDate: "",
  stage: "PROSPECT",
  partnerId: "",
  aeId: "",
};

const fid = (f: string) => `opportunity-${f}`;

export function OpportunityForm(props: OpportunityFormProps) {
  const router = useRouter();
  const [values, setValues] = useState<OpportunityFormValues>(props.mode === "edit" ? props.initial : EMPTY);
  const [account, setAccount] = useState<PickedAccount | null>(props.mode === "edit" ? props.account : null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // a field the user changes drops the server's message about it until the next save
  const clear = (f: string) => setErrors(({ [f]: _dropped, ...rest }) => rest);
  const set = (f: keyof OpportunityFormValues) => (v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    clear(f);
  };
  const { productLines, partners, aes } = props.options;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setAlert(null);
    const { stage, ...editable } = values;
    const common = { ...editable, partnerId: values.partnerId || null, aeId: values.aeId || null };
    const res = await (
      props.mode === "create"
        ? createOpportunityAction({ ...common, stage, accountId: account?.id ?? "" })
        : updateOpportunityAction({ id: props.id, fields: { ...common, expectedUpdatedAt: props.expectedUpdatedAt } })
    ).catch(() => null);
    setPending(false);
    if (!res) return setAlert("Could not reach the server. Nothing was saved; try again.");
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setAlert(res.message);
    }
    router.push(`/opportunities/${res.data.id}`);
    router.refresh();
  }

  const text = (
    f: keyof OpportunityFormValues,
    label: string,
    extra: Partial<React.ComponentProps<typeof Field>> = {},
    input: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <Field id={fid(f)} label={label} errors={errors[f]} {...extra}>
      {(a) => (
        <input
          {...a}
          {...input}
          className={`${INPUT} mt-1`}
          value={values[f]}
          onChange={(e) => set(f)(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={props.mode === "create" ? "New opportunity" : "Edit opportunity"}>
      <Card>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {props.mode === "create" ? (
            <Field
              id={fid("accountId")}
              label="Account"
              errors={errors.accountId}
              hint="Accounts you own or work on."
              className="sm:col-span-2"
            >
              {(a) => (
                <AccountCombobox
                  control={a}
                  value={account}
                  onChange={(picked) => {
                    setAccount(picked);
                    clear("accountId");
                  }}
                />
              )}
            </Field>
          ) : (
            <div className="sm:col-span-2">
              <p className="text-sm font-medium text-slate-700">Account</p>
              <p className="mt-1 text-sm text-slate-900">{props.account.name}</p>
            </div>
          )}
          {text("name", "Deal name", { className: "sm:col-span-2" }, { maxLength: 200 })}
          <Field id={fid("productLineId")} label="Product line" errors={errors.productLineId}>
            {(a) => (
              <select
                {...a}
                className={`${INPUT} mt-1`}
                value={values.productLineId}
                onChange={(e) => set("productLineId")(e.target.value)}
              >
                <option value="">Pick a product line</option>
                {productLines.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {props.mode === "create" && (
            <Field id={fid("stage")} label="Stage" errors={errors.stage}>
              {(a) => (
                <select
                  {...a}
                  className={`${INPUT} mt-1`}
                  value={values.stage}
                  onChange={(e) => set("stage")(e.target.value)}
                >
                  {OPEN_STAGES.map((s) => (
                    <option key={s} value={s}>
                      {humanize(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {text(
            "acvCents",
            "ACV (USD)",
            { hint: "Annual contract value in dollars, e.g. 180,000" },
            { inputMode: "decimal" },
          )}
          {text("listPriceCents", "List price (USD)", { optional: true }, { inputMode: "decimal" })}
          {text("discountPct", "Discount (%)", { hint: "0 to 100" }, { inputMode: "decimal" })}
          {text("closeDate", "Expected close date", {}, { type: "date" })}
          <Field id={fid("partnerId")} label="Attached partner" errors={errors.partnerId} optional>
            {(a) => (
              <select
                {...a}
                className={`${INPUT} mt-1`}
                value={values.partnerId}
                onChange={(e) => set("partnerId")(e.target.value)}
              >
                <option value="">No partner</option>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {aes.length > 0 && (
            <Field
              id={fid("aeId")}
              label="Account executive"
              errors={errors.aeId}
              hint="Channel operations act on an AE's behalf."
            >
              {(a) => (
                <select
                  {...a}
                  className={`${INPUT} mt-1`}
                  value={values.aeId}
                  onChange={(e) => set("aeId")(e.target.value)}
                >
                  <option value="">Pick the account executive</option>
                  {aes.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <FormAlert message={alert} className="mt-4" />
        <div className="mt-5 flex justify-end gap-2">
          <ButtonLink href={props.mode === "edit" ? `/opportunities/${props.id}` : "/opportunities"}>Cancel</ButtonLink>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : props.mode === "create" ? "Create opportunity" : "Save changes"}
          </Button>
        </div>
      </Card>
    </form>
  );
}
