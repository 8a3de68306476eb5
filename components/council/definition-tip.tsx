"use client";
// A metric's label with its definition on hover and on keyboard focus (Radix Tooltip: focus,
// Escape and aria-describedby handled by the library). The definition is also in the page as
// visually hidden text, so it reaches screen readers and touch screens without the tooltip.
import { Tooltip } from "radix-ui";

const TRIGGER =
  "inline-flex h-4 w-4 items-center justify-center rounded-full border border-slate-400 text-[10px] font-semibold " +
  "normal-case leading-none text-slate-600 hover:border-brand-600 hover:text-brand-700 focus:outline-none " +
  "focus-visible:ring-2 focus-visible:ring-brand-600";

export function DefinitionTip({ label, definition }: { label: string; definition: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span>{label}</span>
      <Tooltip.Root delayDuration={150}>
        <Tooltip.Trigger asChild>
          <button type="button" aria-label={`What "${label}" means`} className={TRIGGER}>
            ?
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="top"
            sideOffset={4}
            className="z-50 max-w-xs rounded-md bg-slate-900 px-3 py-2 text-xs normal-case leading-snug tracking-normal text-white shadow-lg"
          >
            {definition}
            <Tooltip.Arrow className="fill-slate-900" />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <span className="sr-only">: {definition}</span>
    </span>
  );
}

/** One provider for the page's tooltips. */
export function TipProvider({ children }: { children: React.ReactNode }) {
  return <Tooltip.Provider>{children}</Tooltip.Provider>;
}
