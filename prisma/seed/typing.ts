// How partners type an account into the registration form: the same company written in several
// ways ("BLUEFIELD SOFTWARE, INC.", "www.bluefield.com/contact"). Every variant normalizes to the
// account's keys, which is what lets the seeded registrations demonstrate matching (docs/domain.md#duplicates-and-overlaps).
import { normalizeAccountName, normalizeDomain } from "../../lib/accounts/normalize";
import { personName } from "./names";
import type { Random } from "./random";
import type { SeedAccount } from "./world";

type Variant = (name: string) => string;

const NAME_VARIANTS: ReadonlyArray<readonly [Variant, number]> = [
  [(n) => n, 60],
  [(n) => n.toUpperCase(), 8],
  [(n) => n.toLowerCase(), 8],
  [(n) => n.split(" ").slice(0, -1).join(" "), 10], // legal form left off
  [(n) => (n.startsWith("The ") ? n.slice(4) : `The ${n}`), 5],
  [(n) => n.replace(/ (\S+)$/, ", $1"), 9],
];

/** The account name as a partner typed it; always normalizes to the account's nameKey. */
export function typedAccountName(rng: Random, account: SeedAccount): string {
  const typed = rng.weighted(NAME_VARIANTS)(account.name).trim();
  return typed && normalizeAccountName(typed) === account.nameKey ? typed : account.name;
}

const DOMAIN_VARIANTS: ReadonlyArray<readonly [Variant, number]> = [
  [(d) => d, 45],
  [(d) => `www.${d}`, 20],
  [(d) => `https://www.${d}/`, 15],
  [(d) => `http://${d}/contact`, 10],
  [(d) => d.toUpperCase(), 10],
];

/** The website a partner typed, or null (a quarter leave it empty). */
export function typedAccountDomain(rng: Random, account: SeedAccount): string | null {
  if (!account.domain || rng.chance(0.25)) return null;
  const typed = rng.weighted(DOMAIN_VARIANTS)(account.domain);
  return normalizeDomain(typed) === account.domainKey ? typed : account.domain;
}

const NEEDS = [
  "consolidate reporting across business units",
  "replace a legacy on-premises system before its support ends",
  "automate partner and customer onboarding",
  "meet new audit and data-residency requirements",
  "expand the existing deployment to two more regions",
  "support a merger integration programme",
  "cut licence costs by retiring three point tools",
];

const ROLES = ["CIO", "VP Operations", "Head of IT", "CFO", "Director of Digital", "Procurement lead"];

export function registrationDescription(rng: Random): string {
  return `Customer wants to ${rng.pick(NEEDS)}. Champion: ${personName(rng)} (${rng.pick(ROLES)}).`;
}

export const REJECTION_REASONS = [
  "Insufficient qualification: no identified budget or decision maker yet.",
  "The account is outside your authorized territory for this product line.",
  "The customer confirmed they are not evaluating a purchase this year.",
  "Registration lacks a named customer contact; please resubmit with one.",
  "The opportunity is a renewal of an existing direct contract.",
];

export const WITHDRAWAL_REASONS = [
  "Customer postponed the project to next fiscal year.",
  "Customer chose to extend their current vendor's contract.",
  "Registered in error: duplicate of our own earlier submission.",
  "Budget was reallocated after a reorganization.",
];
