"use client";
// Pick the deal whose recorded facts the decision explorer loads, by typing its name or its account's
// name (lib/db/deal-search.ts, scoped to the caller). The WAI-ARIA combobox behaviour (roles,
// aria-activedescendant, arrow keys, Enter, Escape, screen-reader status) comes from downshift's
// useCombobox, as in components/opportunities/account-combobox.tsx. Picking a deal puts its id in the
// page's URL (?opportunity=…), so the view stays a shareable link; the screen shows names.
import { useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCombobox } from "downshift";
import { searchDealsAction } from "@/lib/actions/deal-search";
import type { DealOption } from "@/lib/db/deal-search";
import { useDebouncedAction } from "@/components/registrations/use-debounced-action";
import { cn } from "@/components/ui/cn";
import { ComboboxMenu } from "@/components/ui/combobox-menu";
import { formatMoney, humanize } from "@/lib/format";

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

export function DealPicker({ current }: { current: { id: string; name: string } | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [text, setText] = useState(current?.name ?? "");
  const trimmed = text.trim();
  const query = trimmed.length >= 1 && trimmed !== current?.name ? { q: trimmed } : null;
  const { result, loading } = useDebouncedAction(query, searchDealsAction, 200);
  const options: DealOption[] = query && result?.ok ? result.data : [];

  function open(id: string | null) {
    const next = new URLSearchParams(params.toString());
    if (id) next.set("opportunity", id);
    else next.delete("opportunity");
    const qs = next.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  }

  // the hook owns the input's text (a controlled inputValue lost keystrokes typed fast); `text` follows it
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getLabelProps, setInputValue } =
    useCombobox<DealOption>({
      items: options,
      inputId: "deal-picker",
      initialInputValue: current?.name ?? "",
      itemToString: (d) => d?.name ?? "",
      itemToKey: (d) => d?.id ?? null,
      onInputValueChange: ({ inputValue }) => setText(inputValue),
      onSelectedItemChange: ({ selectedItem }) => {
        if (selectedItem) open(selectedItem.id);
      },
    });
  const expanded = isOpen && query !== null && (loading || result !== null);

  return (
    <div className="flex flex-col gap-1">
      <label {...getLabelProps()} className="text-xs font-medium text-slate-600">
        Load a deal&apos;s recorded facts
      </label>
      <div className="flex items-center gap-2">
        <div className="relative">
          <input
            {...getInputProps({
              className: cn(FIELD, "w-80"),
              placeholder: "Type a deal or account name",
              autoComplete: "off",
              "aria-describedby": "deal-picker-hint",
            })}
          />
          <ComboboxMenu
            menuProps={getMenuProps({ "aria-label": "Matching deals" })}
            expanded={expanded}
            loading={loading}
            result={result}
            items={options}
            highlightedIndex={highlightedIndex}
            getItemProps={getItemProps}
            itemKey={(d) => d.id}
            empty={<>No deal you can open has a name, or an account name, starting with “{trimmed}”.</>}
            className="max-h-80 w-[28rem]"
          >
            {(d) => (
              <>
                <span className="block font-medium">{d.name}</span>
                <span className="block text-xs text-slate-500">
                  {d.account.name} · {humanize(d.stage)} · {formatMoney(d.acvCents, d.currency)}
                </span>
              </>
            )}
          </ComboboxMenu>
        </div>
        {current && (
          <button
            type="button"
            onClick={() => {
              setInputValue("");
              open(null);
            }}
            className="text-sm text-brand-700 hover:underline"
          >
            Clear
          </button>
        )}
      </div>
      <p id="deal-picker-hint" className="text-xs text-slate-500">
        Deals whose name or account name starts with what you type.
      </p>
    </div>
  );
}
