// Role-aware navigation and the home page of each role. Pure: used by the shell and by tests.
import type { Role } from "./types";

export type NavItem = { href: string; label: string };

export const HOME: Record<Role, string> = {
  ADMIN: "/ops",
  PARTNER_MANAGER: "/manager",
  AE: "/ae",
  EXEC: "/exec",
  PARTNER: "/portal",
};

/** Where a role opens a registration (the page a notification links to). */
export const REGISTRATIONS_PATH: Record<Role, string> = {
  ADMIN: "/registrations",
  PARTNER_MANAGER: "/registrations",
  AE: "/registrations",
  EXEC: "/registrations",
  PARTNER: "/portal/registrations",
};

const STAFF_DATA: NavItem[] = [
  { href: "/registrations", label: "Registrations" },
  { href: "/conflicts", label: "Conflicts" },
  { href: "/conflicts/precedents", label: "Conflict precedents" },
  { href: "/conflicts/patterns", label: "Conflict patterns" },
  { href: "/opportunities", label: "Opportunities" },
  { href: "/accounts", label: "Accounts" },
  { href: "/partners", label: "Partners" },
  { href: "/rules", label: "Rules of engagement" },
  // pricing guardrails: every staff role reads the leakage of the deals in its scope
  { href: "/pricing/leakage", label: "Discount leakage" },
  // the monthly council's meetings and packs (docs/domain.md#council-pack): every staff role reads them
  { href: "/council", label: "Council meetings" },
];

export const NAV: Record<Role, NavItem[]> = {
  ADMIN: [
    { href: "/ops", label: "Overview" },
    { href: "/exec", label: "Revenue council" },
    ...STAFF_DATA,
    // pricing guardrails: channel operations set the corridors
    { href: "/pricing", label: "Pricing" },
    { href: "/statements", label: "Statements" },
    { href: "/handoffs", label: "Hand-offs" },
    { href: "/scorecards", label: "Scorecards" },
    { href: "/partners/tiers", label: "Partner tiers" },
    { href: "/mdf", label: "MDF" },
    { href: "/maturity", label: "Maturity" },
    { href: "/outbox", label: "E-mail outbox" },
    { href: "/forecast", label: "Forecast" },
    { href: "/audit", label: "Audit log" },
    // administration (docs/architecture.md#administration)
    { href: "/admin/users", label: "Users" },
    { href: "/admin/settings", label: "Settings" },
    { href: "/admin/reference", label: "Reference data" },
    { href: "/admin/api-keys", label: "API keys" },
    { href: "/api-docs", label: "API documentation" },
  ],
  PARTNER_MANAGER: [
    { href: "/manager", label: "My partners" },
    ...STAFF_DATA,
    { href: "/statements", label: "Statements" },
    { href: "/handoffs", label: "Hand-offs" },
    { href: "/scorecards", label: "Scorecards" },
    { href: "/mdf", label: "MDF" },
    { href: "/maturity", label: "Maturity" },
  ],
  AE: [{ href: "/ae", label: "My book" }, ...STAFF_DATA, { href: "/statements", label: "Statements" }],
  EXEC: [
    { href: "/exec", label: "Revenue council" },
    { href: "/forecast", label: "Forecast" },
    ...STAFF_DATA,
    { href: "/handoffs", label: "Hand-offs" },
    { href: "/scorecards", label: "Scorecards" },
    { href: "/mdf", label: "MDF" },
    { href: "/maturity", label: "Maturity" },
  ],
  PARTNER: [
    { href: "/portal", label: "Home" },
    { href: "/portal/registrations", label: "My registrations" },
    { href: "/portal/deals", label: "Deals" },
    { href: "/portal/offers", label: "Offers" },
    { href: "/portal/conflicts", label: "Conflicts" },
    { href: "/portal/statements", label: "Statements" },
    { href: "/portal/scorecard", label: "Scorecard" },
    { href: "/portal/mdf", label: "MDF" },
    { href: "/portal/rules", label: "Rules of engagement" },
    { href: "/portal/company", label: "Company" },
    { href: "/portal/api-keys", label: "API keys" },
  ],
};

// ─── sections of the staff navigation ───
// A staff role sees 10–16 pages; grouped under a few headings they read at a glance. Pages not
// named here (the home page, the whole partner portal) stay in a leading block without a heading.
const SECTIONS: readonly { label: string; hrefs: readonly string[] }[] = [
  {
    label: "Deals",
    hrefs: [
      "/registrations",
      "/opportunities",
      "/handoffs",
      "/accounts",
      "/partners",
      "/scorecards",
      "/partners/tiers",
    ],
  },
  { label: "Conflicts", hrefs: ["/conflicts", "/conflicts/precedents", "/conflicts/patterns"] },
  {
    label: "Revenue",
    hrefs: ["/forecast", "/council", "/statements", "/mdf", "/pricing/leakage", "/pricing", "/maturity"],
  },
  { label: "Governance", hrefs: ["/rules", "/outbox", "/audit"] },
  {
    label: "Administration",
    hrefs: ["/admin/users", "/admin/settings", "/admin/reference", "/admin/api-keys", "/api-docs"],
  },
];

export type NavSection = { label: string | null; items: NavItem[] };

/** The items in sections: first those without one (in their order), then each section in its order. */
export function navSections(items: readonly NavItem[]): NavSection[] {
  const sectionOf = (href: string) => SECTIONS.findIndex((s) => s.hrefs.includes(href));
  const loose = items.filter((i) => sectionOf(i.href) < 0);
  const sections = SECTIONS.map((s, index) => ({
    label: s.label,
    items: items
      .filter((i) => sectionOf(i.href) === index)
      .sort((a, b) => s.hrefs.indexOf(a.href) - s.hrefs.indexOf(b.href)),
  }));
  return [{ label: null, items: loose }, ...sections].filter((s) => s.items.length > 0);
}
