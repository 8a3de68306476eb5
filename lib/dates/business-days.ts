// SLA deadlines in business days (Mon–Fri, UTC), with date-fns.
import { addBusinessDays } from "date-fns";

export function businessDaysFrom(start: Date, days: number): Date {
  return addBusinessDays(start, days);
}
