// Nesting depth of untrusted JSON. JSON.parse, zod, React's reply decoder and our own walkers
// (lib/validation/nul.ts) all recurse per level, so a body nested a few thousand levels deep
// overflows the stack and surfaces as a 500. The depth is measured on the text, before anything
// parses it, by one linear pass that skips string contents; no legitimate input comes near it.
export const MAX_JSON_DEPTH = 64;

/** True when the JSON text (valid or not) opens more than `max` arrays/objects inside each other. */
export function jsonTextTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** The same bound for values that arrive already parsed (server-action arguments), without recursion. */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    if (depth + 1 > max) return true;
    seen.add(v);
    const children = Array.isArray(v)
      ? v
      : v instanceof Map
        ? [...v.values()]
        : v instanceof Set
          ? [...v]
          : Object.values(v);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}
