import { describe, expect, it } from "vitest";
import { groupBySubject, subjectOf } from "@/lib/notifications/subject";

describe("notification subjects", () => {
  it("links each kind of subject to the reader's page", () => {
    expect(subjectOf({ registrationId: "r1" }, "PARTNER_MANAGER")?.href).toBe("/registrations/r1");
    expect(subjectOf({ registrationId: "r1" }, "PARTNER")?.href).toBe("/portal/registrations/r1");
    expect(subjectOf({ conflictId: "c1" }, "PARTNER")?.href).toBe("/portal/conflicts/c1");
    expect(subjectOf({ conflictId: "c1", level: 2 }, "EXEC")?.href).toBe("/conflicts/c1");
    expect(subjectOf({ mdfRequestId: "m1" }, "PARTNER")?.href).toBe("/portal/mdf");
    expect(subjectOf({ mdfRequestId: "m1" }, "ADMIN")?.href).toBe("/mdf");
    expect(subjectOf({ opportunityId: "o1" }, "AE")?.href).toBe("/opportunities/o1");
    expect(subjectOf({ month: "2026-11" }, "ADMIN")).toBeNull();
    expect(subjectOf(null, "ADMIN")).toBeNull();
  });

  it("groups the notices about one subject, in the order of their newest", () => {
    const items = [
      { id: "1", payload: { registrationId: "a" } },
      { id: "2", payload: { conflictId: "x" } },
      { id: "3", payload: { registrationId: "a" } },
      { id: "4", payload: {} },
      { id: "5", payload: {} },
    ];
    const groups = groupBySubject(items, "ADMIN");
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([["1", "3"], ["2"], ["4"], ["5"]]);
  });
});
