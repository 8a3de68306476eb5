"use client";
// The meeting's action items: owner, due date ("in 5 days"), status; council members add items,
// reassign and complete them. A stale edit (someone else changed the item) answers with a message.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, INPUT_COMPACT, SelectField, TextField } from "@/components/ui/field";
import { useAction, useFormAction } from "@/components/ui/use-action";
import { addActionItemAction, assignActionItemAction, completeActionItemAction } from "@/lib/actions/council-pack";
import { formatDate, formatRelative } from "@/lib/format";
import type { MeetingView } from "@/lib/council-pack/pack";

type Person = { id: string; name: string };
type Item = MeetingView["actionItems"][number];

export function ActionItems(props: {
  month: string;
  items: Item[];
  people: Person[];
  canRecord: boolean;
  now: string;
}) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const now = new Date(props.now);

  async function complete(item: Item) {
    if (await run(() => completeActionItemAction({ id: item.id, lockVersion: item.lockVersion }))) router.refresh();
  }
  async function assign(item: Item, ownerId: string) {
    if (await run(() => assignActionItemAction({ id: item.id, ownerId, lockVersion: item.lockVersion }), "ownerId"))
      router.refresh();
  }

  return (
    <div className="space-y-4">
      {props.items.length === 0 ? (
        <p className="text-sm text-slate-600">No action items yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {props.items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium text-slate-900">{item.text}</p>
                <p className="text-slate-600">
                  {item.owner.name} · due {formatRelative(item.dueDate, now)}{" "}
                  <span className="text-slate-500">({formatDate(item.dueDate)})</span>
                </p>
              </div>
              <div className="flex items-center gap-2">
                {item.status === "DONE" ? (
                  <Badge tone="green">Done</Badge>
                ) : (
                  <Badge tone={item.dueDate < now ? "red" : "amber"}>{item.dueDate < now ? "Overdue" : "Open"}</Badge>
                )}
                {props.canRecord && item.status === "OPEN" && (
                  <>
                    <SelectField
                      id={`owner-${item.id}`}
                      label={`Owner of “${item.text}”`}
                      hideLabel
                      value={item.owner.id}
                      onChange={(v) => assign(item, v)}
                      options={props.people.map((p) => ({ value: p.id, label: p.name }))}
                    />
                    <Button type="button" variant="secondary" disabled={pending} onClick={() => complete(item)}>
                      Mark done
                    </Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={error} />
      {props.canRecord && <AddActionItem month={props.month} people={props.people} />}
    </div>
  );
}

function AddActionItem({ month, people }: { month: string; people: Person[] }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const { pending, alert, errors, submit } = useFormAction();

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!(await submit(() => addActionItemAction({ month, text, ownerId, dueDate })))) return;
    setText("");
    setDueDate("");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an action item" className="grid gap-3 sm:grid-cols-4">
      <TextField
        id="action-text"
        label="Action"
        value={text}
        onChange={setText}
        errors={errors.text}
        maxLength={500}
        className="sm:col-span-2"
      />
      <SelectField
        id="action-owner"
        label="Owner"
        value={ownerId}
        onChange={setOwnerId}
        options={[{ value: "", label: "Pick a person" }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        errors={errors.ownerId}
      />
      <Field id="action-due" label="Due" errors={errors.dueDate} compact>
        {(a) => (
          <input
            {...a}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            className={`${INPUT_COMPACT} mt-1`}
          />
        )}
      </Field>
      <div className="sm:col-span-4">
        <FormAlert message={alert} className="mb-2" />
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add action item"}
        </Button>
      </div>
    </form>
  );
}
