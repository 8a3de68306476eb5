"use client";
// Records a council decision. "Change a rule" creates a rule-set draft from the published set and
// links it (lib/db/council-pack-writes.ts recordDecision).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextAreaField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-action";
import { DECISION_KIND_LABEL } from "@/lib/council-pack/pack";
import { recordDecisionAction } from "@/lib/actions/council-pack";
import { DECISION_KINDS } from "@/lib/validation/council-pack";

export function DecisionForm({ month }: { month: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<(typeof DECISION_KINDS)[number]>("OTHER");
  const [text, setText] = useState("");
  const { pending, alert, errors, submit } = useFormAction();

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!(await submit(() => recordDecisionAction({ month, kind, text })))) return;
    setText("");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a decision" className="space-y-3">
      <SelectField
        id="decision-kind"
        label="Kind"
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABEL[k] }))}
        errors={errors.kind}
      />
      <TextAreaField
        id="decision-text"
        label="Decision"
        value={text}
        onChange={setText}
        errors={errors.text}
        maxLength={2000}
        hint={kind === "RULE_CHANGE" ? "Recording it creates a rule-set draft from the rules in force." : undefined}
      />
      <FormAlert message={alert} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record decision"}
      </Button>
    </form>
  );
}
