import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  currentAuditAction,
  REGISTRATION_TRANSITION_ACTION,
  storedAuditActions,
} from "@/lib/audit/actions";

describe("audit action codes", () => {
  it("are entity.verb in the present tense", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(action).toMatch(/^[a-z]+(\.[a-z_-]+)+$/);
      expect(action).not.toMatch(/(ed|wn)$/); // not "approved", "withdrawn"
    }
  });

  it.each([
    ["registration.approved", "registration.approve"],
    ["registration.rejected", "registration.reject"],
    ["registration.withdrawn", "registration.withdraw"],
    ["registration.expired", "registration.expire"],
    ["ruleset.create", "ruleset.draft.create"],
    ["registration.approve", "registration.approve"],
    ["something.else", "something.else"],
  ])("reads the stored code %s as %s", (stored, current) => {
    expect(currentAuditAction(stored)).toBe(current);
  });

  it("finds an action under its current and its former codes", () => {
    expect(storedAuditActions("registration.expire").sort()).toEqual(["registration.expire", "registration.expired"]);
    expect(storedAuditActions("apikey.create")).toEqual(["apikey.create"]);
  });

  it("names a listed action for every status change after submission", () => {
    expect(Object.keys(REGISTRATION_TRANSITION_ACTION).sort()).toEqual([
      "APPROVED",
      "CONVERTED",
      "EXPIRED",
      "REJECTED",
      "WITHDRAWN",
    ]);
    for (const action of Object.values(REGISTRATION_TRANSITION_ACTION)) expect(AUDIT_ACTIONS).toContain(action);
  });
});
