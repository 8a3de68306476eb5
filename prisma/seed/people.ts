// The vendor's people in the demo company. The sign-ins listed on the sign-in page (docs/domain.md#demo-data)
// are defined once, in lib/auth/demo-accounts.ts; the seed creates those users with those names
// and adds the rest of the company around them.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "../../lib/auth/demo-accounts";
import type { ExecTitle, Role } from "../../lib/db/generated/sqlite/enums";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export interface StaffSpec {
  key: string;
  email: string;
  /** Omitted for the demo sign-ins, whose names come from DEMO_ACCOUNTS. */
  name?: string;
  role: Exclude<Role, "PARTNER">;
  title?: ExecTitle;
  /** AEs: the countries whose accounts they own (named accounts elsewhere go to the global AE). */
  territory?: readonly string[];
}

export const STAFF: readonly StaffSpec[] = [
  { key: "ops", email: "ops@accord.test", role: "ADMIN" },
  { key: "pm", email: "pm@accord.test", role: "PARTNER_MANAGER" },
  { key: "pm2", email: "pm2@accord.test", name: "Lukas Becker", role: "PARTNER_MANAGER" },
  { key: "ae", email: "ae@accord.test", role: "AE", territory: ["US"] },
  { key: "ae-maya", email: "maya.chen@accord.test", name: "Maya Chen", role: "AE", territory: ["US"] },
  { key: "ae-daniel", email: "daniel.ortiz@accord.test", name: "Daniel Ortiz", role: "AE", territory: ["US"] },
  { key: "ae-grace", email: "grace.kim@accord.test", name: "Grace Kim", role: "AE", territory: ["US", "CA"] },
  { key: "ae-samuel", email: "samuel.wright@accord.test", name: "Samuel Wright", role: "AE", territory: [] },
  {
    key: "ae-emma",
    email: "emma.clarke@accord.test",
    name: "Emma Clarke",
    role: "AE",
    territory: ["GB", "IE", "DK", "SE", "NO", "FI", "IS"],
  },
  {
    key: "ae-jonas",
    email: "jonas.weber@accord.test",
    name: "Jonas Weber",
    role: "AE",
    territory: ["DE", "AT", "CH", "NL", "LI"],
  },
  {
    key: "ae-sophie",
    email: "sophie.laurent@accord.test",
    name: "Sophie Laurent",
    role: "AE",
    territory: ["FR", "BE", "LU", "MC"],
  },
  { key: "ae-marco", email: "marco.rossi@accord.test", name: "Marco Rossi", role: "AE", territory: ["IT", "ES", "PT"] },
  { key: "vp-sales", email: "vp.sales@accord.test", role: "EXEC", title: "VP_SALES" },
  { key: "vp-channel", email: "vp.channel@accord.test", role: "EXEC", title: "VP_CHANNEL" },
  { key: "vp-revops", email: "vp.revops@accord.test", name: "Rachel Adler", role: "EXEC", title: "VP_REVOPS" },
  { key: "vp-cs", email: "vp.cs@accord.test", name: "Kwame Mensah", role: "EXEC", title: "VP_CS" },
  { key: "cro", email: "cro@accord.test", role: "EXEC", title: "CRO" },
  { key: "ceo", email: "ceo@accord.test", role: "EXEC", title: "CEO" },
];

/** Owns the named strategic accounts in regions without a direct team. */
export const GLOBAL_ACCOUNTS_AE = "ae-samuel";

/** The portal user of a partner: first name of the contact at the partner's domain. */
export function partnerUserEmail(contact: string, domain: string): string {
  const first = contact
    .split(" ")[0]
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z]/g, "");
  return `${first}@${domain}`;
}

/** The demo sign-in with this e-mail, if it is one (its name is the user's name). */
function demoAccount(email: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((a) => a.email === email);
}

/** A user's display name: the sign-in list's for demo sign-ins, else the seed's own. */
export function userName(email: string, fallback: string | undefined): string {
  const name = demoAccount(email)?.name ?? fallback;
  if (!name) throw new Error(`no name for demo user ${email}`);
  return name;
}
