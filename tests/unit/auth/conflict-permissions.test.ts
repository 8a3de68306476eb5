import { describe, expect, it } from "vitest";
import { can, type Action } from "@/lib/auth/permissions";
import { EXEC_TITLES, type Ctx, type ExecTitle, type Role } from "@/lib/auth/types";

// Every caller × escalation level × conflict action, written out by hand from
// docs/domain.md#conflicts-and-escalation. Changing who acts at a level means changing this table on purpose.
const CALLERS: { key: string; role: Role; title: ExecTitle | null }[] = [
  { key: "ADMIN", role: "ADMIN", title: null },
  { key: "PARTNER_MANAGER", role: "PARTNER_MANAGER", title: null },
  { key: "AE", role: "AE", title: null },
  ...EXEC_TITLES.map((title) => ({ key: `EXEC ${title}`, role: "EXEC" as const, title })),
  { key: "EXEC (no title)", role: "EXEC", title: null },
  { key: "PARTNER", role: "PARTNER", title: null },
];

const LEVELS = [1, 2, 3, 4] as const;
const CONFLICT_ACTIONS = [
  "conflict:read",
  "conflict:read-parties",
  "conflict:raise",
  "conflict:comment",
  "conflict:escalate",
  "conflict:resolve",
  "conflict:precedents",
] as const satisfies readonly Action[];

// Per caller: the levels (as a string of digits) at which each action is allowed, "" for none.
const EXPECTED: Record<string, Record<(typeof CONFLICT_ACTIONS)[number], string>> = {
  ADMIN: row("1234", "1234", "1234", "1234", "1234", "1234", "1234"),
  PARTNER_MANAGER: row("1234", "1234", "", "1234", "1", "1", "1234"),
  AE: row("1234", "1234", "1234", "1234", "1", "1", "1234"),
  "EXEC VP_SALES": row("1234", "1234", "", "1234", "2", "2", "1234"),
  "EXEC VP_CHANNEL": row("1234", "1234", "", "1234", "2", "2", "1234"),
  "EXEC VP_REVOPS": row("1234", "1234", "", "1234", "", "", "1234"),
  "EXEC VP_CS": row("1234", "1234", "", "1234", "", "", "1234"),
  "EXEC CRO": row("1234", "1234", "", "1234", "3", "3", "1234"),
  "EXEC CEO": row("1234", "1234", "", "1234", "4", "4", "1234"),
  "EXEC (no title)": row("1234", "1234", "", "1234", "", "", "1234"),
  PARTNER: row("1234", "", "1234", "1234", "", "", ""),
};

function row(...levels: string[]) {
  return Object.fromEntries(CONFLICT_ACTIONS.map((action, i) => [action, levels[i]])) as Record<
    (typeof CONFLICT_ACTIONS)[number],
    string
  >;
}

function ctx(role: Role, title: ExecTitle | null): Ctx {
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

describe("conflict permissions: every caller × level × action", () => {
  it("has an expectation for every caller", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CALLERS.map((c) => c.key).sort());
  });

  for (const caller of CALLERS) {
    for (const action of CONFLICT_ACTIONS) {
      for (const level of LEVELS) {
        const allowed = EXPECTED[caller.key][action].includes(String(level));
        it(`${caller.key} ${allowed ? "may" : "may not"} ${action} at level ${level}`, () => {
          expect(can(ctx(caller.role, caller.title), action, { conflictLevel: level })).toBe(allowed);
        });
      }
    }
  }

  it("no one decides at a level outside 1..4", () => {
    for (const caller of CALLERS)
      for (const level of [0, 5])
        for (const action of ["conflict:resolve", "conflict:escalate"] as const)
          expect(can(ctx(caller.role, caller.title), action, { conflictLevel: level })).toBe(false);
  });

  it("without a level, resolve and escalate answer whether the role decides some level (to show the buttons)", () => {
    expect(can(ctx("AE", null), "conflict:resolve")).toBe(true);
    expect(can(ctx("PARTNER", null), "conflict:resolve")).toBe(false);
    expect(can(ctx("PARTNER", null), "conflict:escalate")).toBe(false);
  });
});
