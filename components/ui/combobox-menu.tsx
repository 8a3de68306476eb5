"use client";
// The option list of a search-as-you-type combobox driven by downshift's useCombobox
// (components/opportunities/account-combobox.tsx, components/rules/deal-picker.tsx): searching,
// the server's refusal, nothing found, or the options with the highlighted one marked.
import { cn } from "./cn";

type Result = { ok: true } | { ok: false; message: string };

export function ComboboxMenu<T>({
  menuProps,
  expanded,
  loading,
  result,
  items,
  highlightedIndex,
  getItemProps,
  itemKey,
  empty,
  className,
  children,
}: {
  /** getMenuProps(…) of the combobox */
  menuProps: Record<string, unknown>;
  expanded: boolean;
  loading: boolean;
  result: Result | null;
  items: T[];
  highlightedIndex: number;
  getItemProps: (options: { item: T; index: number }) => Record<string, unknown>;
  itemKey: (item: T) => string;
  /** What to say when the search found nothing. */
  empty: React.ReactNode;
  className?: string;
  /** One option's content. */
  children: (item: T) => React.ReactNode;
}) {
  const settled = expanded && !loading;
  return (
    <ul
      {...menuProps}
      hidden={!expanded}
      className={cn(
        "absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200",
        className,
      )}
    >
      {expanded && loading && <li className="px-3 py-2 text-slate-500">Searching…</li>}
      {settled && result && !result.ok && <li className="px-3 py-2 text-red-700">{result.message}</li>}
      {settled && result?.ok && items.length === 0 && <li className="px-3 py-2 text-slate-500">{empty}</li>}
      {settled &&
        items.map((item, index) => (
          <li
            key={itemKey(item)}
            {...getItemProps({ item, index })}
            className={cn(
              "cursor-pointer px-3 py-2",
              highlightedIndex === index ? "bg-brand-50 text-brand-900" : "text-slate-800",
            )}
          >
            {children(item)}
          </li>
        ))}
    </ul>
  );
}
