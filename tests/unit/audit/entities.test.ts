// How audit events name and link their entities (lib/audit/entities.ts).
import { describe, expect, it } from "vitest";
import {
  auditEntityHref,
  auditEntityKey,
  auditEntityLabel,
  auditEntityName,
  auditFieldEntityType,
  auditSnapshotRefs,
} from "@/lib/audit/entities";

describe("audit entities", () => {
  it.each([
    ["DealRegistration", "r1", "Registration", "/registrations/r1"],
    ["registration", "r1", "Registration", "/registrations/r1"],
    ["RuleSet", "s1", "Rule set", "/rules/s1"],
    ["Conflict", "c1", "Conflict", "/conflicts/c1"],
    ["Partner", "p 1", "Partner", "/partners/p%201"],
    ["ApiKey", "k1", "API key", null],
    ["outbox", "*", "E-mail", null],
    ["AppSetting", "x", "AppSetting", null],
  ])("%s %s → %s %s", (type, id, label, href) => {
    expect(auditEntityLabel(type)).toBe(label);
    expect(auditEntityHref(type, id)).toBe(href);
  });

  it("keys a type by its canonical spelling", () => {
    expect(auditEntityKey("registration", "r1")).toBe(auditEntityKey("DealRegistration", "r1"));
  });

  it("names rows the way screens show them", () => {
    expect(auditEntityName.registration("Acme", "Northwind")).toBe("Acme · Northwind");
    expect(auditEntityName.ruleSet(3)).toBe("Rule set v3");
    expect(auditEntityName.conflict("DUPLICATE_REGISTRATION", "Acme")).toBe("Duplicate registration · Acme");
    expect(auditEntityName.conflict("NAMED_ACCOUNT", null)).toBe("Named account");
    expect(auditEntityName.outbox("*", null)).toBe("Every failed e-mail");
  });

  it("finds the rows a snapshot points at by id, top-level string fields only", () => {
    expect(
      auditSnapshotRefs({ partnerId: "p1", aeId: "u1", status: "OPEN", ruleSetId: null, note: { partnerId: "p2" } }),
    ).toEqual([
      { entityType: "Partner", entityId: "p1" },
      { entityType: "User", entityId: "u1" },
    ]);
    expect(auditSnapshotRefs(null)).toEqual([]);
    expect(auditSnapshotRefs(["p1"])).toEqual([]);
    expect(auditFieldEntityType("registrationId")).toBe("DealRegistration");
    expect(auditFieldEntityType("touchId")).toBeUndefined();
  });
});
