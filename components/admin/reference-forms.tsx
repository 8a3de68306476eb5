"use client";
// The reference data page's forms (lib/db/reference-admin.ts): one form per row, prefilled, and an
// empty one to add a row. Field errors come back from the action and sit under their field.
import { useState } from "react";
import { useRouter } from "next/navigation";
import {
  deleteProductLineAction,
  deleteRegionAction,
  saveProductLineAction,
  saveRegionAction,
  saveSegmentAction,
} from "@/lib/actions/reference";
import type { ActionResult } from "@/lib/actions/define-action";
import { dollarsText, parseDollars } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { UNREACHABLE } from "@/components/ui/use-action";

type Errors = Record<string, string[] | undefined>;

function useSave() {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function run(action: () => Promise<ActionResult<unknown>>, done: string) {
    setPending(true);
    setMessage(null);
    const res = await action().catch(() => null);
    setPending(false);
    if (!res) {
      setMessage({ tone: "error", text: UNREACHABLE });
      return false;
    }
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "error", text: res.message });
      return false;
    }
    setErrors({});
    setMessage({ tone: "ok", text: done });
    router.refresh();
    return true;
  }
  return { errors, message, pending, run };
}

function Message({ message }: { message: { tone: "error" | "ok"; text: string } | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={message.tone === "error" ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}
    >
      {message.text}
    </p>
  );
}

export type RegionRow = { id: string; code: string; name: string; directPresence: boolean; countries: string[] };

export function RegionForm({ region }: { region?: RegionRow }) {
  const key = region?.id ?? "new-region";
  const [code, setCode] = useState(region?.code ?? "");
  const [name, setName] = useState(region?.name ?? "");
  const [countries, setCountries] = useState(region?.countries.join(", ") ?? "");
  const [direct, setDirect] = useState(region?.directPresence ?? false);
  const { errors, message, pending, run } = useSave();
  const list = () =>
    countries
      .split(/[\s,]+/)
      .map((c) => c.trim())
      .filter(Boolean);
  return (
    <form
      aria-label={region ? `Region ${region.name}` : "New region"}
      noValidate
      className="grid gap-3 sm:grid-cols-[8rem_1fr_2fr]"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => saveRegionAction({ id: region?.id, code, name, directPresence: direct, countries: list() }),
          region ? `Saved ${name}. Routing uses it from the next decision.` : `Added ${name}.`,
        ).then((saved) => {
          if (saved && !region) {
            setCode("");
            setName("");
            setCountries("");
            setDirect(false);
          }
        });
      }}
    >
      <TextField id={`${key}-code`} label="Code" value={code} onChange={setCode} errors={errors.code} />
      <TextField id={`${key}-name`} label="Name" value={name} onChange={setName} errors={errors.name} />
      <TextField
        id={`${key}-countries`}
        label="Countries (ISO codes)"
        hint="Two-letter codes separated by commas, like DE, FR"
        value={countries}
        onChange={setCountries}
        errors={errors.countries}
      />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={direct} onChange={(e) => setDirect(e.target.checked)} />
          Direct presence (our own sales team works here)
        </label>
        <Button type="submit" disabled={pending} className="disabled:opacity-60">
          {pending ? "Saving…" : region ? `Save ${region.name}` : "Add region"}
        </Button>
        {region && (
          <Button
            type="button"
            variant="link-danger"
            disabled={pending}
            onClick={() => void run(() => deleteRegionAction({ id: region.id }), `Deleted ${region.name}.`)}
          >
            Delete {region.name}
          </Button>
        )}
        <Message message={message} />
      </div>
    </form>
  );
}

export type ProductLineRow = { id: string; name: string; kind: string };
const KINDS = [
  { value: "CORE", label: "Core" },
  { value: "ADDON", label: "Add-on" },
  { value: "SERVICES", label: "Services" },
];

export function ProductLineForm({ line }: { line?: ProductLineRow }) {
  const key = line?.id ?? "new-line";
  const [name, setName] = useState(line?.name ?? "");
  const [kind, setKind] = useState(line?.kind ?? "CORE");
  const { errors, message, pending, run } = useSave();
  return (
    <form
      aria-label={line ? `Product line ${line.name}` : "New product line"}
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => saveProductLineAction({ id: line?.id, name, kind }), line ? `Saved ${name}.` : `Added ${name}.`);
      }}
    >
      <TextField id={`${key}-name`} label="Name" value={name} onChange={setName} errors={errors.name} />
      <SelectField
        id={`${key}-kind`}
        label="Kind"
        value={kind}
        options={KINDS}
        onChange={setKind}
        errors={errors.kind}
      />
      <Button type="submit" disabled={pending} className="disabled:opacity-60">
        {line ? `Save ${line.name}` : "Add product line"}
      </Button>
      {line && (
        <Button
          type="button"
          variant="link-danger"
          disabled={pending}
          onClick={() => void run(() => deleteProductLineAction({ id: line.id }), `Deleted ${line.name}.`)}
        >
          Delete {line.name}
        </Button>
      )}
      <Message message={message} />
    </form>
  );
}

export type SegmentRow = {
  id: string;
  name: string;
  description: string;
  acvMinCents: number | null;
  acvMaxCents: number | null;
};

// the schema (lib/db/reference-admin.ts) takes dollars; NaN for text that is not an amount gets its message
const fromDollars = (text: string) => (text.trim() === "" ? null : (parseDollars(text) ?? Number.NaN) / 100);

export function SegmentForm({ segment }: { segment?: SegmentRow }) {
  const key = segment?.id ?? "new-segment";
  const [name, setName] = useState(segment?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const [acvMin, setAcvMin] = useState(dollarsText(segment?.acvMinCents));
  const [acvMax, setAcvMax] = useState(dollarsText(segment?.acvMaxCents));
  const { errors, message, pending, run } = useSave();
  return (
    <form
      aria-label={segment ? `Segment ${segment.name}` : "New segment"}
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_2fr_8rem_8rem]"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () =>
            saveSegmentAction({
              id: segment?.id,
              name,
              description,
              acvMin: fromDollars(acvMin),
              acvMax: fromDollars(acvMax),
            }),
          segment ? `Saved ${name}.` : `Added ${name}.`,
        );
      }}
    >
      <TextField id={`${key}-name`} label="Name" value={name} onChange={setName} errors={errors.name} />
      <TextField
        id={`${key}-description`}
        label="Description"
        value={description}
        onChange={setDescription}
        errors={errors.description}
      />
      <TextField
        id={`${key}-min`}
        label="ACV from ($)"
        inputMode="decimal"
        value={acvMin}
        onChange={setAcvMin}
        errors={errors.acvMin}
      />
      <TextField
        id={`${key}-max`}
        label="ACV up to ($)"
        inputMode="decimal"
        value={acvMax}
        onChange={setAcvMax}
        errors={errors.acvMax}
      />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-4">
        <Button type="submit" disabled={pending} className="disabled:opacity-60">
          {segment ? `Save ${segment.name}` : "Add segment"}
        </Button>
        <Message message={message} />
      </div>
    </form>
  );
}
