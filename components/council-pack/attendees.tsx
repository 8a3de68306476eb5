"use client";
// The meeting's attendees: names with their titles; council members add and remove people.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { addAttendeeAction, removeAttendeeAction } from "@/lib/actions/council-pack";
import { humanize } from "@/lib/format";

type Person = { id: string; name: string; title: string | null };

export function Attendees(props: { month: string; attendees: Person[]; people: Person[]; canRecord: boolean }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const present = new Set(props.attendees.map((a) => a.id));
  const choices = props.people.filter((p) => !present.has(p.id));
  const [userId, setUserId] = useState("");

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (!userId) return;
    if (await run(() => addAttendeeAction({ month: props.month, userId }), "userId")) {
      setUserId("");
      router.refresh();
    }
  }
  async function remove(id: string) {
    if (await run(() => removeAttendeeAction({ month: props.month, userId: id }))) router.refresh();
  }

  return (
    <div className="space-y-3">
      {props.attendees.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody is on the list yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {props.attendees.map((a) => (
            <li key={a.id} className="flex items-center justify-between py-1.5">
              <span>
                <span className="font-medium text-slate-900">{a.name}</span>
                {a.title && <span className="ml-2 text-slate-500">{humanize(a.title)}</span>}
              </span>
              {props.canRecord && (
                <Button
                  type="button"
                  variant="link-danger"
                  disabled={pending}
                  onClick={() => remove(a.id)}
                  aria-label={`Remove ${a.name}`}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canRecord && choices.length > 0 && (
        <form onSubmit={add} className="flex items-end gap-2" aria-label="Add an attendee">
          <SelectField
            id="attendee"
            label="Add an attendee"
            value={userId}
            onChange={setUserId}
            options={[{ value: "", label: "Pick a person" }, ...choices.map((p) => ({ value: p.id, label: p.name }))]}
            className="flex-1"
          />
          <Button type="submit" variant="secondary" disabled={pending || !userId}>
            Add
          </Button>
        </form>
      )}
      <FormAlert message={error} />
    </div>
  );
}
