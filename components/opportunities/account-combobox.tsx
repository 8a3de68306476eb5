"use client";
// Search-as-you-type over the accounts the caller may see (lib/db/opportunity-forms.ts
// searchAccountOptions). The WAI-ARIA combobox behaviour (roles, aria-activedescendant, arrow keys,
// Enter, Escape, mouse, focus and blur, screen-reader status) comes from downshift's useCombobox,
// a maintained implementation of the pattern; this file only supplies the options and the styling.
import { useState } from "react";
import { useCombobox } from "downshift";
import { searchAccountsAction } from "@/lib/actions/opportunities";
import { useDebouncedAction } from "@/components/registrations/use-debounced-action";
import { ComboboxMenu } from "@/components/ui/combobox-menu";
import { INPUT, type ControlProps } from "@/components/ui/field";

export type PickedAccount = { id: string; name: string };
type Option = PickedAccount & { country: string };

export function AccountCombobox({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: PickedAccount | null;
  onChange: (account: PickedAccount | null) => void;
}) {
  const [text, setText] = useState(value?.name ?? "");
  const trimmed = text.trim();
  const query = trimmed.length >= 1 && trimmed !== value?.name ? { q: trimmed } : null;
  const { result, loading } = useDebouncedAction(query, searchAccountsAction, 250);
  const options: Option[] = query && result?.ok ? result.data : [];

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps } = useCombobox<Option>({
    items: options,
    inputId: control.id,
    // the Field's own label (components/ui/field.tsx) names the input
    labelId: `${control.id}-label`,
    inputValue: text,
    selectedItem: value ? { ...value, country: "" } : null,
    itemToString: (a) => a?.name ?? "",
    itemToKey: (a) => a?.id ?? null,
    onInputValueChange: ({ inputValue, type }) => {
      setText(inputValue);
      // typing drops the picked account until one is picked again
      if (type === useCombobox.stateChangeTypes.InputChange && value) onChange(null);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      onChange(selectedItem ? { id: selectedItem.id, name: selectedItem.name } : null);
      if (selectedItem) setText(selectedItem.name);
    },
  });
  const expanded = isOpen && query !== null && (loading || result !== null);

  return (
    <div className="relative mt-1">
      <input
        {...getInputProps({
          "aria-invalid": control["aria-invalid"],
          "aria-describedby": control["aria-describedby"],
          className: INPUT,
          placeholder: "Start typing the company name",
          autoComplete: "off",
        })}
      />
      <ComboboxMenu
        menuProps={getMenuProps({ "aria-label": "Matching accounts" })}
        expanded={expanded}
        loading={loading}
        result={result}
        items={options}
        highlightedIndex={highlightedIndex}
        getItemProps={getItemProps}
        itemKey={(a) => a.id}
        empty={<>No account you work on matches “{trimmed}”.</>}
      >
        {(a) => (
          <>
            {a.name} <span className="text-xs text-slate-500">{a.country}</span>
          </>
        )}
      </ComboboxMenu>
    </div>
  );
}
