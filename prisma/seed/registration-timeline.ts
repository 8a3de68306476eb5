// The audit trail of each seeded registration (docs/domain.md#registration-lifecycle: every transition is an event with
// actor and reason) and its protection extensions.
import type { RegistrationStatus } from "../../lib/db/generated/sqlite/enums";
import { IdSequence } from "./ids";
import type { RegistrationTimes } from "./registration-times";
import { addDays, addHours, toSecond } from "./time";
import type { Rows, SeedUser } from "./world";

export interface Actor {
  id: string | null;
  label: string;
}

export const SYSTEM: Actor = { id: null, label: "System" };

export function actor(user: Pick<SeedUser, "id" | "name">): Actor {
  return { id: user.id, label: user.name };
}

export interface TimelineInput {
  registrationId: string;
  status: RegistrationStatus;
  times: RegistrationTimes;
  protectionDays: number | null;
  submitter: Actor;
  reviewer: Actor;
  decisionReason: string;
  /** Why a WITHDRAWN, CONVERTED or EXPIRED registration ended. */
  endReason: string;
  /** Who ended it: the partner for a withdrawal, the reviewer for a conversion. */
  endedBy: Actor;
  /** An extension request awaiting the partner manager's decision. */
  pendingExtensionAt?: Date | null;
}

export class RegistrationTimeline {
  private readonly eventIds = new IdSequence("rev");
  private readonly extensionIds = new IdSequence("rext");

  constructor(private readonly rows: Rows) {}

  /** Writes the events and extensions; returns the time of the last activity. */
  record(input: TimelineInput): Date {
    const { times, status } = input;
    let last = times.submittedAt;
    const event = (from: RegistrationStatus | null, to: RegistrationStatus, at: Date, who: Actor, reason: string) => {
      this.rows.registrationEvents.push({
        id: this.eventIds.next(),
        registrationId: input.registrationId,
        fromStatus: from,
        toStatus: to,
        actorId: who.id,
        actorLabel: who.label,
        reason,
        at,
      });
      if (at.getTime() > last.getTime()) last = at;
    };
    event(null, "SUBMITTED", times.submittedAt, input.submitter, "");
    if (!times.decidedAt) {
      if (status === "WITHDRAWN") event("SUBMITTED", "WITHDRAWN", times.endedAt!, input.endedBy, input.endReason);
      return last;
    }
    if (status === "REJECTED") {
      event("SUBMITTED", "REJECTED", times.decidedAt, input.reviewer, input.decisionReason);
      return last;
    }
    event("SUBMITTED", "APPROVED", times.decidedAt, input.reviewer, input.decisionReason);
    times.extensionApprovals.forEach((approvedAt) => {
      this.extension(input, addHours(approvedAt, -26), approvedAt);
      event("APPROVED", "APPROVED", approvedAt, input.reviewer, `Protection extended by ${input.protectionDays} days.`);
    });
    if (input.pendingExtensionAt) {
      this.extension(input, input.pendingExtensionAt, null);
      if (input.pendingExtensionAt.getTime() > last.getTime()) last = input.pendingExtensionAt;
    }
    if (status !== "APPROVED") event("APPROVED", status, times.endedAt!, input.endedBy, input.endReason);
    return last;
  }

  private extension(input: TimelineInput, requestedAt: Date, decidedAt: Date | null): void {
    this.rows.extensions.push({
      id: this.extensionIds.next(),
      registrationId: input.registrationId,
      requestedById: input.submitter.id,
      reason: "Customer's procurement review is taking longer than planned.",
      status: decidedAt ? "APPROVED" : "REQUESTED",
      decidedById: decidedAt ? input.reviewer.id : null,
      requestedAt: toSecond(requestedAt),
      decidedAt,
    });
  }
}

/** Registrations still protected whose protection ends soon ask for an extension (some of them). */
export function pendingExtensionRequest(times: RegistrationTimes, now: Date, extensionsLeft: boolean): Date | null {
  if (!times.protectedUntil || !extensionsLeft) return null;
  const daysLeft = (times.protectedUntil.getTime() - now.getTime()) / 86_400_000;
  return daysLeft > 0 && daysLeft < 14 ? toSecond(addDays(now, -Math.min(3, daysLeft) / 2)) : null;
}
