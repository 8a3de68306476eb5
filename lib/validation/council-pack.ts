// The council pack's inputs (docs/domain.md#council-pack): the month in the URL, and the forms of
// the meeting page (attendees, decisions, action items). One schema per input, shared by the server
// actions, the route handlers and their tests.
import { z } from "zod";
import { parseMonth } from "@/lib/council-pack";
import { id } from "./lists";
import { noNul } from "./nul";

export const monthParam = z
  .string()
  .trim()
  .refine((s) => parseMonth(s) !== null, "Use a month like 2026-12");

export const councilHistoryQuery = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1").max(10_000).default(1),
});

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(3, `Say what ${what} (3 characters at least)`)
    .max(max, `At most ${max} characters`)
    .refine(noNul, "Invalid character");

export const openMeetingInput = z.strictObject({ month: monthParam });

export const attendeeInput = z.strictObject({
  month: monthParam,
  userId: id.describe("Pick a person"),
});

export const DECISION_KINDS = ["RULE_CHANGE", "MDF_MOVE", "OTHER"] as const;
export const recordDecisionInput = z.strictObject({
  month: monthParam,
  kind: z.enum(DECISION_KINDS, { error: "Pick the kind of decision" }),
  text: text(2_000, "the council decided"),
});

const dueDate = z.iso.date("Pick a due date").transform((s) => new Date(`${s}T00:00:00Z`));

export const addActionItemInput = z.strictObject({
  month: monthParam,
  text: text(500, "needs doing"),
  ownerId: id,
  dueDate,
});

export const assignActionItemInput = z.strictObject({
  id,
  ownerId: id,
  lockVersion: z.coerce.number().int().min(0),
});

export const completeActionItemInput = z.strictObject({
  id,
  lockVersion: z.coerce.number().int().min(0),
});
