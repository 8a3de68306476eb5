"use client";
// The draft's rules as a virtualised list, so a 1,000-rule draft opens and types as fast as a
// ten-rule one: only the rows in view (and a few beyond) are in the page, each measured as it
// opens or closes (@tanstack/react-virtual). Search, field and route filters narrow the rows;
// "jump to priority", a deep link (?rule=<priority>) and lint's links bring a rule into view and
// open it. Keyboard: ↑/↓ between rows, Alt+↑/↓ moves the focused rule, Enter opens it.
import { useDeferredValue, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Button } from "@/components/ui/button";
import { INPUT_COMPACT, LABEL_COMPACT } from "@/components/ui/field";
import type { EditorRule, ErrorIndex } from "./draft-model";
import { RuleCard } from "./rule-card";
import { RuleFilters } from "./rule-filters";
import { filterRules, findPriority, isFiltered, moveAnnouncement, NO_FILTER, type RuleFilter } from "./rule-list-model";

export type RuleListHandle = {
  /** Scroll a rule into view (clearing filters that hide it), open it and focus its row or name. */
  reveal: (key: string, focus?: "row" | "name") => void;
};

type Props = {
  ref?: React.Ref<RuleListHandle>;
  rules: readonly EditorRule[];
  openKeys: ReadonlySet<string>;
  errors: ErrorIndex["byRule"];
  lintMarks: Record<string, "error" | "warning">;
  onOpen: (key: string) => void;
  onToggle: (key: string) => void;
  onChange: (next: EditorRule, touched: string | null) => void;
  /** Moves the rule at `index` and returns the list after the move (the same list if it could not). */
  onMove: (index: number, delta: -1 | 1) => readonly EditorRule[];
  onDelete: (key: string) => void;
};

const ROW_ESTIMATE = 64;

function isTyping(el: HTMLElement): boolean {
  return el.matches("input, select, textarea, [contenteditable]");
}

export function RuleList({
  ref,
  rules,
  openKeys,
  errors,
  lintMarks,
  onOpen,
  onToggle,
  onChange,
  onMove,
  onDelete,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState<RuleFilter>(NO_FILTER);
  // typing in the search box stays immediate; the list catches up when React has time
  const deferred = useDeferredValue(filter);
  const visible = useMemo(() => filterRules(rules, deferred), [rules, deferred]);
  const [announcement, setAnnouncement] = useState("");
  const [jump, setJump] = useState("");
  const [jumpMessage, setJumpMessage] = useState("");
  const [pending, setPending] = useState<{ key: string; focus: "row" | "name" } | null>(null);

  // the app does not use React Compiler, so nothing memoizes around the virtualizer's functions
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (i) => rules[visible[i]]?.key ?? i,
    // the server renders the first rows too, so the page is readable before scripts run
    initialRect: { width: 960, height: 640 },
  });

  function reveal(key: string, focus: "row" | "name" = "row") {
    if (!openKeys.has(key)) onOpen(key);
    setPending({ key, focus });
  }
  useImperativeHandle(ref, () => ({ reveal }));

  // bring a revealed rule into view once the rows that hold it are rendered, then focus it; a
  // rule added this moment reaches `rules` on the next render, a cleared filter a little later
  useEffect(() => {
    if (!pending) return;
    const index = rules.findIndex((r) => r.key === pending.key);
    const at = visible.indexOf(index);
    if (index < 0) return;
    if (at < 0) {
      if (isFiltered(filter)) setFilter(NO_FILTER);
      return;
    }
    virtualizer.scrollToIndex(at, { align: "start" });
    const rule = rules[index];
    let frames = 0;
    let raf = 0;
    const tick = () => {
      const el = document.getElementById(pending.focus === "name" ? `rule-${rule.key}-name` : `rule-${rule.id}`);
      if (el) {
        el.focus();
        setPending(null);
      } else if (frames++ < 60) raf = requestAnimationFrame(tick);
      else setPending(null);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [pending, visible, rules, filter, virtualizer]);

  // after a move, keep the moved row in view (its element, keyed by rule, keeps the focus)
  const follow = useRef<string | null>(null);
  useEffect(() => {
    const key = follow.current;
    if (!key) return;
    const at = visible.findIndex((i) => rules[i].key === key);
    if (at < 0) return;
    follow.current = null;
    // to the top: an open rule is taller than the list, and repeated moves keep it in one place
    virtualizer.scrollToIndex(at, { align: "start" });
  }, [visible, rules, virtualizer]);

  function move(index: number, delta: -1 | 1) {
    const key = rules[index].key;
    const next = onMove(index, delta);
    if (next === rules) return;
    setAnnouncement(moveAnnouncement(next, key));
    follow.current = key;
  }

  function focusRow(at: number) {
    const to = Math.max(0, Math.min(visible.length - 1, at));
    const rule = rules[visible[to]];
    if (!rule) return;
    virtualizer.scrollToIndex(to, { align: "auto" });
    requestAnimationFrame(() => document.getElementById(`rule-${rule.id}`)?.focus());
  }

  function onRowKey(e: React.KeyboardEvent<HTMLLIElement>, index: number, at: number) {
    const target = e.target as HTMLElement;
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      if (isTyping(target)) return; // Alt+↓ opens a select's list
      e.preventDefault();
      move(index, e.key === "ArrowUp" ? -1 : 1);
      return;
    }
    if (target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: visible.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if (e.key === "Enter") {
      e.preventDefault();
      onToggle(rules[index].key);
    }
  }

  function jumpTo(e: React.FormEvent) {
    e.preventDefault();
    const priority = Number(jump);
    if (!Number.isInteger(priority)) return setJumpMessage("Enter a whole-number priority.");
    const hit = findPriority(rules, priority);
    if (!hit) {
      const last = rules[rules.length - 1];
      return setJumpMessage(
        last ? `No rule at or after priority ${priority}: the last is ${last.priority}.` : "There are no rules yet.",
      );
    }
    const rule = rules[hit.index];
    setJumpMessage(hit.exact ? "" : `No rule has priority ${priority}; showing the next one, ${rule.priority}.`);
    reveal(rule.key);
  }

  const filtered = isFiltered(filter);
  const items = virtualizer.getVirtualItems();
  return (
    <div>
      <RuleFilters filter={filter} onChange={setFilter} />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600" role="status">
          {filtered
            ? `Showing ${visible.length.toLocaleString("en-US")} of ${rules.length.toLocaleString("en-US")} rules.`
            : `${rules.length.toLocaleString("en-US")} rules.`}{" "}
          {jumpMessage}
          <span className="sr-only"> Focus a rule and press Alt+Up or Alt+Down to move it.</span>
          {filtered && (
            <button
              type="button"
              className="ml-2 font-medium text-brand-700 hover:underline"
              onClick={() => setFilter(NO_FILTER)}
            >
              Clear filters
            </button>
          )}
        </p>
        <form className="flex items-center gap-2" onSubmit={jumpTo}>
          <label htmlFor="rule-jump" className={LABEL_COMPACT}>
            Jump to priority
          </label>
          <div className="w-24">
            <input
              id="rule-jump"
              type="number"
              inputMode="numeric"
              className={INPUT_COMPACT}
              value={jump}
              min={0}
              onChange={(e) => setJump(e.target.value)}
            />
          </div>
          <Button type="submit" variant="secondary" className="px-2.5 py-1">
            Go
          </Button>
        </form>
      </div>
      <p className="sr-only" aria-live="assertive">
        {announcement}
      </p>
      {visible.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600">
          No rule matches these filters.{" "}
          <button type="button" className="text-brand-700 hover:underline" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        </p>
      ) : (
        <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto overscroll-contain rounded-md bg-slate-50 p-1">
          <ol className="relative" style={{ height: virtualizer.getTotalSize() }} aria-label="Rules in priority order">
            {items.map((item) => {
              const index = visible[item.index];
              const r = rules[index];
              if (!r) return null;
              return (
                <RuleCard
                  key={item.key}
                  rule={r}
                  index={index}
                  count={rules.length}
                  open={openKeys.has(r.key)}
                  errors={errors[r.key]}
                  lint={lintMarks[r.id]}
                  row={{
                    ref: virtualizer.measureElement,
                    style: { transform: `translateY(${item.start}px)` },
                    "data-index": item.index,
                    onKeyDown: (e) => onRowKey(e, index, item.index),
                    "aria-posinset": index + 1,
                    "aria-setsize": rules.length,
                  }}
                  onToggle={() => onToggle(r.key)}
                  onChange={onChange}
                  onMove={(d) => move(index, d)}
                  onDelete={() => onDelete(r.key)}
                />
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
