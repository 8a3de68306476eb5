// Normalized keys for matching customer accounts (docs/domain.md#duplicates-and-overlaps). A partner types "ACME, Inc." or
// "https://www.acme.com/contact" and we must find the account stored as "The Acme Corporation" /
// "acme.com" through an indexed equality lookup, so both sides are reduced to the same key here.
// Pure: no database, no framework, safe in the browser.

/** Letters that NFKD does not decompose into a base letter plus a combining mark. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
};

/**
 * Legal-form suffixes, written as the token sequence they become after normalization: punctuation
 * turns into spaces and runs of single letters are joined, so "S.A." → "sa", "A/S" → "as",
 * "Sp. z o.o." → "sp zoo", "S. de R.L." → "s de rl". Matched at the end of a name, repeatedly
 * ("Acme Holdings Pty Ltd", "Acme GmbH & Co. KG").
 */
const LEGAL_SUFFIXES: readonly string[] = [
  // English-speaking (DAC: Irish designated activity company)
  "inc",
  "incorporated",
  "llc",
  "ltd",
  "limited",
  "plc",
  "llp",
  "lp",
  "corp",
  "corporation",
  "co",
  "company",
  "pty",
  "pty ltd",
  "pvt",
  "private",
  "pte",
  "lllp",
  "dac",
  // German-speaking, Dutch, Nordic
  "gmbh",
  "ag",
  "kg",
  "kgaa",
  "ohg",
  "ug",
  "mbh",
  "se",
  "bv",
  "nv",
  "bvba",
  "vof",
  "oy",
  "oyj",
  "ab",
  "publ",
  "as",
  "asa",
  "aps",
  "hf",
  "ehf",
  // Romance languages
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "sca",
  "srl",
  "srls",
  "spa",
  "sapa",
  "sl",
  "slu",
  "lda",
  "ltda",
  "cia",
  "ltee",
  "sa de cv",
  "sab de cv",
  "s de rl",
  "s de rl de cv",
  // Central and Eastern Europe
  "sp zoo",
  "sro",
  "kft",
  "zrt",
  "nyrt",
  "doo",
  "dd",
  "ad",
  "ood",
  "ou",
  // Asia-Pacific
  "kk",
  "kabushiki kaisha",
  "gk",
  "yk",
  "bhd",
  "sdn bhd",
  "tbk",
];

/** Suffix token sequences, longest first: "sa de cv" goes whole, not as "cv" alone and "sa de" left behind. */
const SUFFIX_TOKENS: readonly string[][] = [...new Set(LEGAL_SUFFIXES)]
  .map((s) => s.split(" "))
  .sort((a, b) => b.length - a.length);

function foldAccents(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæœøłđðþıħ]/g, (ch) => FOLDED_LETTERS[ch] ?? ch);
}

/**
 * Joins runs of single-letter tokens so dotted and undotted abbreviations agree:
 * "i b m" → "ibm", "s a" → "sa", "sp z o o" → "sp zoo".
 */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const token of tokens) {
    if (token.length === 1 && /\p{L}/u.test(token)) {
      run += token;
      continue;
    }
    if (run) out.push(run);
    run = "";
    out.push(token);
  }
  if (run) out.push(run);
  return out;
}

function endsWith(tokens: string[], suffix: string[]): boolean {
  if (suffix.length >= tokens.length) return false; // never strip a name down to nothing
  const start = tokens.length - suffix.length;
  return suffix.every((part, i) => tokens[start + i] === part);
}

function stripLegalSuffixes(tokens: string[]): string[] {
  let rest = tokens;
  for (;;) {
    const suffix = SUFFIX_TOKENS.find((s) => endsWith(rest, s));
    if (!suffix) return rest;
    rest = rest.slice(0, rest.length - suffix.length);
    // "Smith & Co." leaves "smith and": the dangling conjunction belonged to the legal form.
    while (rest.length > 1 && rest[rest.length - 1] === "and") rest = rest.slice(0, -1);
  }
}

/**
 * The matching key of a company name: lower-case, accents folded, "&" read as "and", punctuation
 * as spaces, legal-form suffixes and a leading "the" dropped. Returns "" for a name with no
 * letters or digits.
 */
export function normalizeAccountName(name: string): string {
  // lower-case first: the fold table lists lower-case letters only ("Ø" → "ø" → "o")
  const text = foldAccents(name.toLowerCase())
    .replace(/&/g, " and ")
    .replace(/['’‘`´]/g, "") // "McDonald's" → "mcdonalds", not "mcdonald s"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (!text) return "";
  let tokens = joinInitials(text.split(" "));
  if (tokens.length > 1 && tokens[0] === "the") tokens = tokens.slice(1);
  return stripLegalSuffixes(tokens).join(" ");
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

function isDomainName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split(".");
  if (labels.length < 2) return false;
  return labels.every((l) => LABEL.test(l)) && TOP_LEVEL.test(labels[labels.length - 1]);
}

/** The host part of a URL, e-mail address or bare domain, as the WHATWG URL parser sees it. */
function hostOf(input: string): string | null {
  const withoutScheme = input.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^\/\//, "");
  if (!withoutScheme || /\s/.test(withoutScheme)) return null;
  try {
    // The parser drops credentials, port, path, query and fragment, and converts Unicode labels
    // to punycode, so "Bücher.de" and "xn--bcher-kva.de" give the same key.
    return new URL(`http://${withoutScheme}`).hostname;
  } catch {
    return null;
  }
}

/**
 * The matching key of a website or domain: "https://user@www.Acme.com:8443/about?x=1" → "acme.com".
 * Returns null for anything that is not a registrable-looking domain name (IP addresses, single
 * labels such as "localhost", free text).
 */
export function normalizeDomain(input: string | null | undefined): string | null {
  const trimmed = input?.trim();
  if (!trimmed) return null;
  const host = hostOf(trimmed)?.toLowerCase().replace(/\.$/, "");
  if (!host || !isDomainName(host)) return null;
  const bare = host.replace(/^www\d*\./, "");
  return isDomainName(bare) ? bare : host;
}
