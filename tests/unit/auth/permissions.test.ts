import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "@/lib/auth/permissions";
import { EXEC_TITLES, ROLES, type Ctx, type ExecTitle, type Role } from "@/lib/auth/types";

// The expected matrix, written out by hand from docs/domain.md#roles-and-visibility (A = ADMIN, M = PARTNER_MANAGER,
// E = AE, X = EXEC, P = PARTNER). Changing a permission means changing this line on purpose.
const EXPECTED: Record<Action, string> = {
  "partner:read": "AMEXP",
  "partner:manage": "A",
  "partner:read-users": "P",
  "account:read": "AMEXP",
  "opportunity:read": "AMEXP",
  "opportunity:manage": "AE",
  "registration:read": "AMEXP",
  "registration:create": "P",
  "registration:decide": "AM",
  "registration:extend": "P",
  "registration:withdraw": "P",
  "registration:update": "P",
  "registration:read-partner": "AMEX",
  "registration:read-evidence": "AMEX",
  "ruleset:read": "AMEXP",
  "ruleset:edit": "A",
  "ruleset:publish": "A",
  "route:evaluate": "AMEXP",
  "route:reroute": "A",
  "route:see-partner-clauses": "AMEX",
  "conflict:read": "AMEXP",
  "conflict:read-parties": "AMEX",
  "conflict:raise": "AEP",
  "conflict:comment": "AMEXP",
  "conflict:escalate": "AMEX",
  "conflict:resolve": "AMEX",
  "conflict:precedents": "AMEX",
  "attribution:read": "AMEXP",
  "forecast:read": "AX",
  "council:read": "AX",
  "council:manage": "AX",
  "council-pack:read": "AMEX",
  "council-pack:record": "AX",
  "maturity:read": "AMX",
  "maturity:assess": "AX",
  "audit:read": "A",
  "outbox:manage": "A",
  "apikey:manage": "AP",
  "user:manage": "A",
  "settings:manage": "A",
  // issue 12 D1: opportunities
  "opportunity:create": "AE",
  "opportunity:update": "AE",
  "opportunity:close": "AE",
  "opportunity:touch": "AE",
  "opportunity:accept-route": "A",
  // pricing guardrails
  "pricing:read": "AMEX",
  "pricing:manage": "A",
  "pricing:direct-discount": "E",
  // issue 12 D3: attribution and pay
  "payout:read": "AMEP",
  "payout:adjust": "A",
  "attribution:dispute": "AEP",
  // hand-offs (docs/domain.md#hand-offs)
  "handoff:read": "AMXP",
  "handoff:manage": "A",
  "handoff:respond": "P",
  "handoff:read-stats": "AMX",
  // MDF (docs/domain.md#mdf)
  "mdf:read": "AMXP",
  "mdf:request": "P",
  "mdf:claim": "P",
  "mdf:decide": "AM",
  "mdf:pay": "A",
  "mdf:link-deal": "AE",
  // scorecards and tiers (docs/domain.md#scorecards-and-tiers)
  "scorecard:read": "AMXP",
  "tier:manage": "A",
};

const LETTER: Record<Role, string> = { ADMIN: "A", PARTNER_MANAGER: "M", AE: "E", EXEC: "X", PARTNER: "P" };

function ctx(role: Role, title: ExecTitle | null = null): Ctx {
  return {
    userId: "u1",
    name: "Test",
    email: "t@example.test",
    role,
    title,
    partnerId: role === "PARTNER" ? "p1" : null,
    via: "session",
  };
}

describe("permission table", () => {
  it("has an expectation for every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(LETTER[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(ctx(role, role === "EXEC" ? "CEO" : null), action)).toBe(allowed);
      });
    }
  }

  it("refuses everything to an anonymous caller", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });
});

describe("conflict resolution by escalation level (docs/domain.md#conflicts-and-escalation)", () => {
  const cases: [number, Role, ExecTitle | null, boolean][] = [
    [1, "AE", null, true],
    [1, "PARTNER_MANAGER", null, true],
    [1, "EXEC", "VP_SALES", false],
    [1, "PARTNER", null, false],
    [1, "ADMIN", null, true],
    [2, "EXEC", "VP_SALES", true],
    [2, "EXEC", "VP_CHANNEL", true],
    [2, "EXEC", "CRO", false],
    [2, "AE", null, false],
    [3, "EXEC", "CRO", true],
    [3, "EXEC", "VP_SALES", false],
    [3, "EXEC", "CEO", false],
    [4, "EXEC", "CEO", true],
    [4, "EXEC", "CRO", false],
    [5, "EXEC", "CEO", false],
  ];
  for (const [level, role, title, expected] of cases) {
    it(`level ${level}: ${role}${title ? ` ${title}` : ""} → ${expected}`, () => {
      expect(can(ctx(role, title), "conflict:resolve", { conflictLevel: level })).toBe(expected);
    });
  }

  it("an exec without a title resolves no level", () => {
    for (const level of [1, 2, 3, 4])
      expect(can(ctx("EXEC", null), "conflict:resolve", { conflictLevel: level })).toBe(false);
  });

  it("every exec title is known", () => {
    expect(EXEC_TITLES).toHaveLength(6);
  });
});
