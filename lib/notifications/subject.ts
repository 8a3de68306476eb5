// What a notification is about, from its payload (lib/db/outbox.ts notify): the page it links to for
// the reader's role, and a key that groups the notices about the same thing. Pure.
import { REGISTRATIONS_PATH } from "@/lib/auth/navigation";
import type { Role } from "@/lib/auth/types";

export type Subject = { key: string; href: string; label: string };

type Payload = Record<string, unknown> | null | undefined;

const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);

export function subjectOf(payload: Payload, role: Role): Subject | null {
  const p = payload ?? {};
  const partner = role === "PARTNER";
  const registration = str(p.registrationId);
  if (registration)
    return {
      key: `registration:${registration}`,
      href: `${REGISTRATIONS_PATH[role]}/${registration}`,
      label: "Registration",
    };
  const conflict = str(p.conflictId);
  if (conflict)
    return {
      key: `conflict:${conflict}`,
      href: partner ? `/portal/conflicts/${conflict}` : `/conflicts/${conflict}`,
      label: "Conflict",
    };
  const mdf = str(p.mdfRequestId);
  if (mdf) return { key: `mdf:${mdf}`, href: partner ? "/portal/mdf" : "/mdf", label: "MDF request" };
  const handoff = str(p.handoffId);
  if (handoff) return { key: `handoff:${handoff}`, href: partner ? "/portal/offers" : "/handoffs", label: "Hand-off" };
  const opportunity = str(p.opportunityId);
  if (opportunity)
    return {
      key: `opportunity:${opportunity}`,
      href: partner ? "/portal/offers" : `/opportunities/${opportunity}`,
      label: "Opportunity",
    };
  return null;
}

/** Consecutive notices (newest first) grouped by subject, each group in the order of its newest notice. */
export function groupBySubject<T extends { payload: unknown }>(
  items: readonly T[],
  role: Role,
): { subject: Subject | null; items: T[] }[] {
  const groups = new Map<string, { subject: Subject | null; items: T[] }>();
  items.forEach((item, i) => {
    const subject = subjectOf(item.payload as Payload, role);
    const key = subject?.key ?? `single:${i}`;
    const group = groups.get(key) ?? { subject, items: [] };
    group.items.push(item);
    groups.set(key, group);
  });
  return [...groups.values()];
}
