"use server";
import { revalidatePath } from "next/cache";
import {
  addActionItem,
  addAttendee,
  assignActionItem,
  completeActionItem,
  openMeeting,
  recordDecision,
  removeAttendee,
} from "@/lib/db/council-pack-writes";
import {
  addActionItemInput,
  assignActionItemInput,
  attendeeInput,
  completeActionItemInput,
  openMeetingInput,
  recordDecisionInput,
} from "@/lib/validation/council-pack";
import { defineAction } from "./define-action";

// The writes parse the raw input again themselves (lib/db/council-pack-writes.ts), so their other
// callers (tests, a future API) get the same checks; here the parse gives the form its field errors.
const refresh = () => revalidatePath("/council", "layout");

export const openMeetingAction = defineAction(openMeetingInput, async (ctx, input) => {
  const meeting = await openMeeting(ctx, input);
  refresh();
  return meeting;
});

export const addAttendeeAction = defineAction(attendeeInput, async (ctx, input) => {
  const added = await addAttendee(ctx, input);
  refresh();
  return added;
});

export const removeAttendeeAction = defineAction(attendeeInput, async (ctx, input) => {
  await removeAttendee(ctx, input);
  refresh();
  return null;
});

export const recordDecisionAction = defineAction(recordDecisionInput, async (ctx, input) => {
  const decision = await recordDecision(ctx, input);
  refresh();
  if (decision.ruleSetId) revalidatePath("/rules");
  return decision;
});

export const addActionItemAction = defineAction(addActionItemInput, async (ctx, input) => {
  // the schema turned the due date into a Date; the write parses the form's string again
  const item = await addActionItem(ctx, { ...input, dueDate: input.dueDate.toISOString().slice(0, 10) });
  refresh();
  return item;
});

export const assignActionItemAction = defineAction(assignActionItemInput, async (ctx, input) => {
  const result = await assignActionItem(ctx, input);
  refresh();
  return result;
});

export const completeActionItemAction = defineAction(completeActionItemInput, async (ctx, input) => {
  const result = await completeActionItem(ctx, input);
  refresh();
  return result;
});
