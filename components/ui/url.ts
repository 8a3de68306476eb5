// Builds list-page links from the current query: sorting, filters and cursors live in the URL.
export type Query = Record<string, string | undefined>;

export function hrefWith(path: string, current: Query, changes: Query, resetCursor = true): string {
  const next: Query = { ...current, ...(resetCursor ? { after: undefined, before: undefined } : {}), ...changes };
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== "") sp.set(k, v);
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}
