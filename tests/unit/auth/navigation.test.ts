import { describe, expect, it } from "vitest";
import { HOME, NAV, navSections } from "@/lib/auth/navigation";
import { can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/types";

describe("navigation per role", () => {
  for (const role of ROLES) {
    it(`${role}: home is the first navigation entry`, () => {
      expect(NAV[role][0].href).toBe(HOME[role]);
    });
  }

  it("a partner's navigation never links to vendor-only pages", () => {
    // every page of every staff role's navigation is vendor-only
    const STAFF_PREFIXES = [
      ...new Set((["ADMIN", "PARTNER_MANAGER", "AE", "EXEC"] as const).flatMap((r) => NAV[r].map((i) => i.href))),
    ];
    for (const item of NAV.PARTNER) {
      expect(STAFF_PREFIXES.some((p) => item.href === p || item.href.startsWith(p + "/"))).toBe(false);
    }
  });

  it("only ADMIN navigates to the audit log", () => {
    for (const role of ROLES) expect(NAV[role].some((i) => i.href === "/audit")).toBe(role === "ADMIN");
  });

  it("only ADMIN navigates to the e-mail outbox", () => {
    for (const role of ROLES) expect(NAV[role].some((i) => i.href === "/outbox")).toBe(role === "ADMIN");
  });

  it("only ADMIN navigates to the administration pages", () => {
    for (const role of ROLES)
      for (const href of ["/admin/users", "/admin/settings", "/admin/reference", "/admin/api-keys"])
        expect(NAV[role].some((i) => i.href === href)).toBe(role === "ADMIN");
  });

  it("staff navigate to discount leakage; only ADMIN to the corridors", () => {
    for (const role of ROLES) {
      expect(NAV[role].some((i) => i.href === "/pricing/leakage")).toBe(role !== "PARTNER");
      expect(NAV[role].some((i) => i.href === "/pricing")).toBe(role === "ADMIN");
    }
  });

  it("groups the staff navigation under headings, the home page first; the portal stays one list", () => {
    const ops = navSections(NAV.ADMIN);
    expect(ops[0].label).toBeNull();
    expect(ops[0].items[0]).toEqual(NAV.ADMIN[0]);
    expect(ops.map((s) => s.label)).toEqual([null, "Deals", "Conflicts", "Revenue", "Governance", "Administration"]);
    // nothing lost or repeated
    expect(ops.flatMap((s) => s.items.map((i) => i.href)).sort()).toEqual(NAV.ADMIN.map((i) => i.href).sort());
    expect(navSections(NAV.PARTNER)).toEqual([{ label: null, items: NAV.PARTNER }]);
    for (const role of ROLES) expect(navSections(NAV[role]).every((s) => s.items.length > 0)).toBe(true);
  });

  it("keeps a page without a section at the top, in its order", () => {
    const items = [
      { href: "/x", label: "X" },
      { href: "/audit", label: "Audit" },
      { href: "/y", label: "Y" },
    ];
    expect(navSections(items)).toEqual([
      { label: null, items: [items[0], items[2]] },
      { label: "Governance", items: [items[1]] },
    ]);
  });

  it("the roles that read maturity navigate to it (lib/auth/permissions.ts maturity:read), and only they", () => {
    for (const role of ROLES) {
      const reads = can({ role, title: null }, "maturity:read");
      expect(NAV[role].some((i) => i.href === "/maturity")).toBe(reads);
    }
  });
});
