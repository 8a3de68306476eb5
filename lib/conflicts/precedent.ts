// Precedents: which resolved conflict cases are most like a given case (docs/domain.md#conflicts-and-escalation).
// Pure: the database finds a bounded set of candidates through its full-text index
// (lib/db/conflict-precedents.ts, prisma/migrations/*_conflict_precedent_search) and this module
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

export const PRECEDENT_WEIGHTS = {
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

/**
 * The significant words of a case's text, for the full-text query: lower case, letters and digits,
 * at least three characters, no stop words, each once, in order of first appearance, at most `max`.
 */
export function caseWords(text: string, max = 12): string[] {
  const seen = new Set<string>();
  for (const raw of text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)) {
    const word = raw.replace(/[^a-z0-9]/g, "");
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word) || seen.has(word)) continue;
    seen.add(word);
    if (seen.size >= max) break;
  }
  return [...seen];
}

/** The words typed in the precedent log's search box: as caseWords, but every word of two characters or more counts. */
export function searchWords(q: string, max = 8): string[] {
  const seen = new Set<string>();
  for (const raw of q
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)) {
    const word = raw.replace(/[^a-z0-9]/g, "");
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
      const common = commonWords(target, candidate);
      reasons.push(common.length ? `Similar wording: ${common.join(", ")}` : "Similar wording");
    }
  }
  return { score, reasons };
}

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
  return [...unique.values()]
    .map((c) => ({ ...c, ...scorePrecedent(target, c, best) }))
    .filter((c) => c.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.resolvedAt.getTime() - a.resolvedAt.getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
}
