"use client";
// A partner's MDF request (lib/actions/mdf.ts): which fund, the activity, the amount and the
// pipeline it should source, in dollars. The server checks the fund's balance and expiry.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { requestMdfAction } from "@/lib/actions/mdf";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";

export function MdfRequestForm({ funds }: { funds: { id: string; label: string }[] }) {
  const router = useRouter();
  const [fundId, setFundId] = useState(funds[0]?.id ?? "");
  const [activity, setActivity] = useState("");
  const [amount, setAmount] = useState("");
  const [pipeline, setPipeline] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    setDone(false);
    const res = await requestMdfAction({ fundId, activity, amount, expectedPipeline: pipeline }).catch(() => null);
    setPending(false);
    if (!res) return setMessage("Could not reach the server. Try again.");
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      return setMessage(res.message);
    }
    setErrors({});
    setActivity("");
    setAmount("");
    setPipeline("");
    setDone(true);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-label="Request MDF">
      <SelectField
        id="mdf-fund"
        label="Fund"
        value={fundId}
        options={funds.map((f) => ({ value: f.id, label: f.label }))}
        onChange={setFundId}
        errors={errors.fundId}
      />
      <TextField
        id="mdf-activity"
        label="Activity"
        value={activity}
        onChange={setActivity}
        errors={errors.activity}
        maxLength={500}
        placeholder="Joint webinar for healthcare CIOs"
        required
      />
      <TextField
        id="mdf-amount"
        label="Amount (dollars)"
        value={amount}
        onChange={setAmount}
        errors={errors.amount}
        inputMode="decimal"
        placeholder="5,000"
        required
      />
      <TextField
        id="mdf-pipeline"
        label="Expected pipeline (dollars)"
        value={pipeline}
        onChange={setPipeline}
        errors={errors.expectedPipeline}
        inputMode="decimal"
        placeholder="250,000"
        required
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending || !fundId}>
          {pending ? "Sending…" : "Request funds"}
        </Button>
        {done && (
          <p role="status" className="text-sm text-green-700">
            Requested. Your partner manager has been told.
          </p>
        )}
        <FormAlert message={message} />
      </div>
    </form>
  );
}
