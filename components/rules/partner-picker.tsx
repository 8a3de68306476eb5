"use client";
// The decision explorer's partner fact, picked by name (lib/db/deal-search.ts searchPartners): the
// rules compare the partner's id, people read and type its name. Combobox behaviour from downshift's
// useCombobox, as in components/rules/deal-picker.tsx.
import { useState } from "react";
import { useCombobox } from "downshift";
import { searchPartnersAction } from "@/lib/actions/deal-search";
import type { PartnerOption } from "@/lib/db/deal-search";
import { useDebouncedAction } from "@/components/registrations/use-debounced-action";
import { ComboboxMenu } from "@/components/ui/combobox-menu";
import { humanize } from "@/lib/format";

export type PickedPartner = { id: string; name: string };

export function PartnerPicker({
  id,
  value,
  onChange,
  inputProps,
}: {
  id: string;
  value: PickedPartner | null;
  onChange: (partner: PickedPartner | null) => void;
  /** aria-invalid / aria-describedby and the input's class, as the other fact inputs get them */
  inputProps: Record<string, unknown>;
}) {
  const [text, setText] = useState(value?.name ?? "");
  const trimmed = text.trim();
  const query = trimmed.length >= 1 && trimmed !== value?.name ? { q: trimmed } : null;
  const { result, loading } = useDebouncedAction(query, searchPartnersAction, 200);
  const options: PartnerOption[] = query && result?.ok ? result.data : [];
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps } = useCombobox<PartnerOption>({
    items: options,
    inputId: id,
    labelId: `${id}-label`,
    initialInputValue: value?.name ?? "",
    itemToString: (p) => p?.name ?? "",
    itemToKey: (p) => p?.id ?? null,
    onInputValueChange: ({ inputValue, type }) => {
      setText(inputValue);
      // typing clears the picked partner until one is picked again
      if (type === useCombobox.stateChangeTypes.InputChange && value) onChange(null);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange({ id: selectedItem.id, name: selectedItem.name });
    },
  });
  const expanded = isOpen && query !== null && (loading || result !== null);
  return (
    <div className="relative">
      <input {...getInputProps({ ...inputProps, placeholder: "Type a partner's name", autoComplete: "off" })} />
      <ComboboxMenu
        menuProps={getMenuProps({ "aria-label": "Matching partners" })}
        expanded={expanded}
        loading={loading}
        result={result}
        items={options}
        highlightedIndex={highlightedIndex}
        getItemProps={getItemProps}
        itemKey={(p) => p.id}
        empty={<>No partner&apos;s name starts with “{trimmed}”.</>}
      >
        {(p) => (
          <>
            {p.name}{" "}
            <span className="text-xs text-slate-500">
              {humanize(p.type)} · {humanize(p.tier)}
            </span>
          </>
        )}
      </ComboboxMenu>
    </div>
  );
}
