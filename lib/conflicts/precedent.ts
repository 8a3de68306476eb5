// Precedents: which resolved conflict cases are most like a given case (docs/domain.md#conflicts-and-escalation).
// Pure: the database finds a bounded set of candidates through its full-text index
// (lib/db/conflict-precedent-search.ts, prisma/migrations/*_conflict_precedent_search) and this module
// ranks them, explaining each score in words.
//
// What makes two cases alike, and how much (points, out of 113):
// - the same type (30): a duplicate registration is decided like other duplicates, not like a
//   pricing undercut;
// - the same routing rule (25): the rule that routed the deal states who was meant to lead, and
//   cases under one rule tend to be settled the same way;
// - the same segment, the account's tier (10), and the same region (10): the market context;
// - shared precedent tags (6 each, at most 3 counted = 18): what the deciders said the case was about;
// - the words of the rationale and summary (up to 20): the full-text rank of the candidate against
//   the case's own words, relative to the best-ranked candidate of the same search.
// Ties are broken by the more recent resolution, then by id, so a ranking never depends on the
// order the database returned the candidates in.

/** Around the matched words of a precedent excerpt: private-use characters, never markup, so a
 *  rationale is never rendered as HTML (components/conflicts/precedent-parts.tsx shows them). */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

const PRECEDENT_WEIGHTS = {
  type: 30,
  rule: 25,
  segment: 10,
  region: 10,
  tag: 6,
  maxTags: 3,
  words: 20,
} as const;

export type PrecedentCase = {
  id: string;
  type: string;
  /** The account's tier (the segment of docs/domain.md#rules-of-engagement); null without an account. */
  segment: string | null;
  regionCode: string | null;
  regionName: string | null;
  ruleName: string | null;
  tags: readonly string[];
  summary: string;
  rationale: string;
};

export type PrecedentCandidate = PrecedentCase & {
  resolution: string | null;
  level: number;
  resolvedAt: Date;
  /** The full-text rank of this candidate against the case's words: higher is closer, 0 none. */
  textRank: number;
};

export type RankedPrecedent = PrecedentCandidate & { score: number; reasons: string[] };

const TYPE_WORDS: Readonly<Record<string, string>> = {
  DUPLICATE_REGISTRATION: "duplicate registration",
  DIRECT_VS_PARTNER: "direct vs partner",
  NAMED_ACCOUNT: "named account",
  PRICING_UNDERCUT: "pricing undercut",
  ATTRIBUTION_DISPUTE: "attribution dispute",
};

export const typeWords = (type: string): string => TYPE_WORDS[type] ?? type.toLowerCase().replace(/_/g, " ");
const tierWords = (tier: string): string => tier.charAt(0) + tier.slice(1).toLowerCase();

// Words too common to say anything about a case.
const STOP = new Set(
  (
    "a an and are as at be been but by for from had has have he her his in into is it its no not of on or our " +
    "she so than that the their them then there these they this those to was we were which while who will " +
    "with would you your both each after before between over under also more most other such only same case " +
    "cases deal deals partner partners account team"
  ).split(" "),
);

/** Lower-case words of letters and digits, accents dropped (the fast path skips text without any). */
function tokens(text: string): string[] {
  const lower = text.toLowerCase();
  const ascii = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
  return ascii.split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * The significant words of a case's text, for the full-text query: lower case, letters and digits,
 * at least three characters, no stop words, each once, in order of first appearance, at most `max`.
 */
export function caseWords(text: string, max = 12): string[] {
  const seen = new Set<string>();
  for (const word of tokens(text)) {
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word) || seen.has(word)) continue;
    seen.add(word);
    if (seen.size >= max) break;
  }
  return [...seen];
}

/** The words typed in the precedent log's search box: as caseWords, but every word of two characters or more counts. */
export function searchWords(q: string, max = 8): string[] {
  const seen = new Set<string>();
  for (const word of tokens(q)) {
    if (word.length < 2 || seen.has(word)) continue;
    seen.add(word);
    if (seen.size >= max) break;
  }
  return [...seen];
}

// Exact tokens for the facets, indexed in the "keys" column / weight D by the migration's SQL,
// which builds them the same way: enum values without underscores, free text as hex of its UTF-8.
const hex = (s: string): string =>
  Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, "0")).join("");
const enumKey = (s: string): string => s.replace(/_/g, "").toLowerCase();

export const searchKeys = {
  type: (type: string) => `ktype${enumKey(type)}`,
  resolution: (resolution: string) => `kres${enumKey(resolution)}`,
  segment: (tier: string) => `kseg${enumKey(tier)}`,
  region: (code: string) => `kreg${hex(code)}`,
  rule: (name: string) => `krule${hex(name)}`,
  tag: (tag: string) => `ktag${hex(tag)}`,
};

/** The facets of a case read back from its index keys (the inverse of searchKeys). */
export type KeyFacets = {
  type: string | null;
  resolution: string | null;
  segment: string | null;
  regionCode: string | null;
  ruleName: string | null;
  tags: string[];
};

const unhex = (h: string): string | null => {
  if (h.length === 0 || h.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(h)) return null;
  const bytes = new Uint8Array(h.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return new TextDecoder().decode(bytes);
};

/** Reads `keys` (tokens as searchKeys builds them); enum values are matched against the known ones. */
export function parseKeys(
  keys: readonly string[],
  known: { types: readonly string[]; resolutions: readonly string[] },
): KeyFacets {
  const facets: KeyFacets = { type: null, resolution: null, segment: null, regionCode: null, ruleName: null, tags: [] };
  const byKey = (values: readonly string[], token: string) => values.find((v) => enumKey(v) === token) ?? null;
  for (const raw of keys) {
    const k = raw.toLowerCase();
    if (k.startsWith("ktype")) facets.type = byKey(known.types, k.slice(5));
    else if (k.startsWith("kres")) facets.resolution = byKey(known.resolutions, k.slice(4));
    else if (k.startsWith("kseg")) facets.segment = k.length > 4 && k !== "ksegnone" ? k.slice(4).toUpperCase() : null;
    else if (k.startsWith("kreg")) facets.regionCode = unhex(k.slice(4));
    else if (k.startsWith("krule")) facets.ruleName = unhex(k.slice(5));
    else if (k.startsWith("ktag")) {
      const tag = unhex(k.slice(4));
      if (tag) facets.tags.push(tag);
    }
  }
  return facets;
}

// A light stemmer, so "registered" meets "registration" when ranking the bounded candidates: one
// suffix off, then at most the first six letters (a collision such as custom/customer only
// blurs a rank within one search's candidates, which the index already found by real words).
const SUFFIXES = ["ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "ed", "es", "s"];
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length).slice(0, 6);
  }
  return word.slice(0, 6);
}

export type TextDoc = { id: string; summary: string; rationale: string; tags: readonly string[] };

/**
 * How well each document matches `words`, within the set given (the bounded candidates of one
 * search): for each word it contains, the word's rarity in the set, ln(1 + N / (1 + documents with
 * it)), times where it appears: 1 in the rationale, 0.5 in the summary, 0.5 in the tags. 0 for none.
 * (The databases' own ranks, bm25 and ts_rank, are left aside: SQLite's bm25 counts every match of
 * every word in the whole index, so its cost grows with the history; tests/bench/conflicts.bench.ts.)
 */
export function wordRanks(words: readonly string[], docs: readonly TextDoc[]): Map<string, number> {
  // a word matches a token that starts with its stem (so the stem's suffixes too): one regular
  // expression per word over each field, not a tokenization of every candidate
  const stems = [...new Set(words.map(stem))].map((w) => ({ w, re: new RegExp(`(?:^|[^a-z0-9])${w}`) }));
  const fold = (text: string) => tokens(text).join(" ");
  const parsed = docs.map((d) => ({ id: d.id, fields: [fold(d.rationale), fold(d.summary), fold(d.tags.join(" "))] }));
  const hits = parsed.map((d) => stems.map(({ re }) => d.fields.map((f) => re.test(f))));
  const df = stems.map((_, k) => hits.filter((h) => h[k].some(Boolean)).length);
  const n = parsed.length;
  return new Map(
    parsed.map((d, i) => {
      let rank = 0;
      stems.forEach((_, k) => {
        const [rationale, summary, tags] = hits[i][k];
        const where = (rationale ? 1 : 0) + (summary ? 0.5 : 0) + (tags ? 0.5 : 0);
        if (where > 0) rank += where * Math.log(1 + n / (1 + df[k]));
      });
      return [d.id, rank];
    }),
  );
}

const sameText = (a: string | null, b: string | null): a is string => a !== null && b !== null && a === b;

/** How alike `candidate` is to `target`, with the reasons in words (best first). */
export function scorePrecedent(
  target: PrecedentCase,
  candidate: PrecedentCandidate,
  bestTextRank: number,
): { score: number; reasons: string[] } {
  const w = PRECEDENT_WEIGHTS;
  let score = 0;
  const reasons: string[] = [];
  if (candidate.type === target.type) {
    score += w.type;
    reasons.push(`Same type: ${typeWords(target.type)}`);
  }
  if (sameText(target.ruleName, candidate.ruleName)) {
    score += w.rule;
    reasons.push(`Same routing rule: ${target.ruleName}`);
  }
  if (sameText(target.segment, candidate.segment)) {
    score += w.segment;
    reasons.push(`Same segment: ${tierWords(target.segment)}`);
  }
  if (sameText(target.regionCode, candidate.regionCode)) {
    score += w.region;
    reasons.push(`Same region: ${target.regionName ?? target.regionCode}`);
  }
  const targetTags = new Set(target.tags);
  const shared = [...new Set(candidate.tags)].filter((t) => targetTags.has(t)).sort();
  if (shared.length > 0) {
    score += w.tag * Math.min(shared.length, w.maxTags);
    reasons.push(`Shared ${shared.length === 1 ? "tag" : "tags"}: ${shared.join(", ")}`);
  }
  if (candidate.textRank > 0 && bestTextRank > 0) {
    const words = Math.round(w.words * Math.min(1, candidate.textRank / bestTextRank));
    if (words > 0) {
      score += words;
      reasons.push(SIMILAR_WORDING);
    }
  }
  return { score, reasons };
}

const SIMILAR_WORDING = "Similar wording";

/** Words of the case that also appear in the candidate's rationale or summary (at most five). */
export function commonWords(target: Pick<PrecedentCase, "summary" | "rationale">, candidate: PrecedentCase): string[] {
  const theirs = new Set(caseWords(`${candidate.rationale} ${candidate.summary}`, 200));
  return caseWords(`${target.rationale} ${target.summary}`, 200)
    .filter((word) => theirs.has(word))
    .slice(0, 5);
}

/**
 * The `limit` resolved cases most like `target`, best first; the case itself and candidates with
 * nothing in common are left out.
 */
export function rankPrecedents(
  target: PrecedentCase,
  candidates: readonly PrecedentCandidate[],
  limit: number,
): RankedPrecedent[] {
  const unique = new Map<string, PrecedentCandidate>();
  for (const c of candidates) {
    const seen = unique.get(c.id);
    if (c.id !== target.id && (!seen || c.textRank > seen.textRank)) unique.set(c.id, c);
  }
  const best = Math.max(0, ...[...unique.values()].map((c) => c.textRank));
  const ranked = [...unique.values()]
    .map((c) => ({ ...c, ...scorePrecedent(target, c, best) }))
    .filter((c) => c.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.resolvedAt.getTime() - a.resolvedAt.getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
  // the words in common, named only for the cases shown
  return ranked.map((c) => ({
    ...c,
    reasons: c.reasons.map((r) => {
      if (r !== SIMILAR_WORDING) return r;
      const common = commonWords(target, c);
      return common.length ? `${SIMILAR_WORDING}: ${common.join(", ")}` : r;
    }),
  }));
}
