// Accessibility is checked, not hoped for: axe (WCAG 2.1 A and AA rules) over every page of every
// role, including a detail page of each kind reached from its list. Serious and critical
// violations fail the test, listed with the page, the rule and the offending elements.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { NAV } from "@/lib/auth/navigation";
import { signIn } from "./helpers";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// The sweep only reads, so its roles run on both workers at once: it is the longest spec in CI.
test.describe.configure({ mode: "parallel" });

async function violations(page: Page, url: string): Promise<string[]> {
  const res = await page.goto(url);
  expect(res?.status(), `${url} answers`).toBeLessThan(400);
  await page.waitForLoadState("load");
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${url} · ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}

/** Links from a list page to its detail pages (the first `take`), for reaching each kind of page. */
async function rowLinks(page: Page, listUrl: string, pattern: RegExp, take = 1): Promise<string[]> {
  await page.goto(listUrl);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))].slice(0, take);
}

// every rule set (the draft editor and the published view differ), one of each other kind
const STAFF_DETAILS: [list: string, pattern: RegExp, take: number][] = [
  ["/registrations", /^\/registrations\/[^/?]+$/, 1],
  ["/opportunities", /^\/opportunities\/[^/?]+$/, 1],
  ["/accounts", /^\/accounts\/[^/?]+$/, 1],
  ["/partners", /^\/partners\/(?!new|tiers)[^/?]+$/, 1],
  ["/conflicts?slice=all", /^\/conflicts\/[^/?]+$/, 1],
  ["/conflicts?slice=all&status=RESOLVED", /^\/conflicts\/[^/?]+$/, 1],
  ["/rules", /^\/rules\/(?!explorer|diff)[^/?]+$/, 5],
  // the council pack: this month's meeting (open, with its forms) and a held one
  ["/council", /^\/council\/\d{4}-\d{2}$/, 2],
];

const ROLES: [role: keyof typeof NAV, email: string][] = [
  ["ADMIN", "ops@accord.test"],
  ["PARTNER_MANAGER", "pm@accord.test"],
  ["AE", "ae@accord.test"],
  ["EXEC", "cro@accord.test"],
  ["PARTNER", "alice@northwind.test"],
];

test("the sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  expect(await violations(page, "/sign-in")).toEqual([]);
});

for (const [role, email] of ROLES) {
  test(`${role}: every page has no serious or critical accessibility violations`, async ({ page }) => {
    test.setTimeout(420_000); // a dozen pages, each rendered and analysed: generous for a loaded CI machine
    await signIn(page, email);
    const urls = [...NAV[role].map((n) => n.href), "/notifications"];
    if (role === "PARTNER") {
      urls.push("/portal/registrations/new", "/portal/registrations/upload", "/api-docs");
      urls.push(...(await rowLinks(page, "/portal/registrations", /^\/portal\/registrations\/(?!new|upload)[^/?]+$/)));
      urls.push(...(await rowLinks(page, "/portal/conflicts?status=ALL", /^\/portal\/conflicts\/[^/?]+$/)));
    } else {
      for (const [list, pattern, take] of STAFF_DETAILS) urls.push(...(await rowLinks(page, list, pattern, take)));
      urls.push("/rules/explorer", "/conflicts/patterns");
      if (role !== "AE") urls.push("/handoffs/offers");
      if (role === "ADMIN" || role === "EXEC") urls.push("/maturity/assess?framework=rules-of-engagement");
      if (role === "ADMIN") {
        urls.push("/audit?action=registration.approve&from=2020-01-01", "/admin/users/new");
        urls.push(...(await rowLinks(page, "/admin/users", /^\/admin\/users\/(?!new)[^/?]+$/)));
        const partners = await rowLinks(page, "/partners", /^\/partners\/(?!new|tiers)[^/?]+$/);
        urls.push("/partners/new", ...partners.map((href) => `${href}/edit`));
      }
    }
    const found: string[] = [];
    for (const url of [...new Set(urls)]) found.push(...(await violations(page, url)));
    expect(found).toEqual([]);
  });
}
