"use client";
// Search-as-you-type over the accounts the caller may see (lib/db/opportunity-forms.ts
// searchAccountOptions), as a WAI-ARIA 1.2 combobox: an input with role="combobox" that owns a
// listbox, arrow keys move the active option (aria-activedescendant), Enter picks it, Escape
// closes the list. Written here rather than added as a dependency: the repo has no combobox
// library and the pattern is one input and one list.
import { useId, useState } from "react";
import { searchAccountsAction } from "@/lib/actions/opportunities";
import { useDebouncedAction } from "@/components/registrations/use-debounced-action";
import { cn } from "@/components/ui/cn";
import { INPUT, type ControlProps } from "@/components/ui/field";

export type PickedAccount = { id: string; name: string };

export function AccountCombobox({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: PickedAccount | null;
  onChange: (account: PickedAccount | null) => void;
}) {
  const listId = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = open && text.trim().length >= 1 && text !== value?.name ? { q: text.trim() } : null;
  const { result, loading } = useDebouncedAction(query, searchAccountsAction, 250);
  const options = result?.ok ? result.data : [];
  const expanded = open && query !== null && (loading || result !== null);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  function pick(i: number) {
    const account = options[i];
    if (!account) return;
    onChange({ id: account.id, name: account.name });
    setText(account.name);
    setOpen(false);
  }

  return (
    <div className="relative mt-1">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && options[active] ? optionId(active) : undefined}
        className={INPUT}
        placeholder="Start typing the company name"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === "Enter" && expanded && options.length) {
            e.preventDefault();
            pick(active);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching accounts"
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
      >
        {loading && <li className="px-3 py-2 text-slate-500">Searching…</li>}
        {!loading && result && !result.ok && <li className="px-3 py-2 text-red-700">{result.message}</li>}
        {!loading && result?.ok && options.length === 0 && (
          <li className="px-3 py-2 text-slate-500">No account you work on matches “{text.trim()}”.</li>
        )}
        {!loading &&
          options.map((a, i) => (
            <li
              key={a.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: it lands before the input's blur closes the list
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn("cursor-pointer px-3 py-2", i === active ? "bg-brand-50 text-brand-900" : "text-slate-800")}
            >
              {a.name} <span className="text-xs text-slate-500">{a.country}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
