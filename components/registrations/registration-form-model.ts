// The registration form's values (strings, as typed) and their mapping to the action input. The
// checks are the shared zod schema's, so the form and the server can never disagree; only what
// the schema cannot know about this form (dollars typed, a close date in the past) is added here.
import { parseDollars } from "@/lib/money";
import { MAX_ACV_CENTS, registrationInput, type RegistrationInput } from "@/lib/validation/registrations";
import { zodFieldErrors } from "@/lib/validation/errors";
import { VERTICALS } from "@/lib/rules";

export type FormValues = {
  name: string;
  domain: string;
  country: string;
  vertical: string;
  productLine: string;
  acv: string; // US dollars, as typed
  closeDate: string; // YYYY-MM-DD
  description: string;
};

export type FieldName = keyof FormValues;

export const EMPTY_VALUES: FormValues = {
  name: "",
  domain: "",
  country: "",
  vertical: "",
  productLine: "",
  acv: "",
  closeDate: "",
  description: "",
};

/** Form field → the error path the action reports (`account.name`, `estimatedAcv`, …). */
const ERROR_PATH: Record<FieldName, string> = {
  name: "account.name",
  domain: "account.domain",
  country: "account.country",
  vertical: "account.vertical",
  productLine: "productLine",
  acv: "estimatedAcv",
  closeDate: "expectedCloseDate",
  description: "description",
};

export type Errors = Partial<Record<FieldName, string[]>>;

/** Today in the partner's own time zone: a deal closing "today" where they are is not in the past. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const isVertical = (v: string) => (VERTICALS as readonly string[]).includes(v);

export function toInput(v: FormValues): RegistrationInput {
  const domain = v.domain.trim();
  const description = v.description.trim();
  return {
    account: {
      name: v.name.trim(),
      ...(domain ? { domain } : {}),
      country: v.country,
      vertical: v.vertical as RegistrationInput["account"]["vertical"],
    },
    productLine: v.productLine,
    estimatedAcv: parseDollars(v.acv) ?? Number.NaN,
    expectedCloseDate: v.closeDate,
    ...(description ? { description } : {}),
  };
}

export function validate(v: FormValues, today: string): Errors {
  const errors: Errors = {};
  const cents = parseDollars(v.acv);
  // form-specific wording first: the schema speaks of codes and cents, the form of choices and dollars
  if (!v.country) errors.country = ["Pick the customer's country"];
  if (!v.acv.trim()) errors.acv = ["Enter the estimated annual contract value"];
  else if (cents === null) errors.acv = ["Enter an amount in US dollars, e.g. 250000"];
  if (!v.closeDate) errors.closeDate = ["Pick the expected close date"];
  else if (today && v.closeDate < today) errors.closeDate = ["The expected close date must be today or later"];
  const parsed = registrationInput.safeParse(toInput(v));
  if (!parsed.success) {
    const byPath = zodFieldErrors(parsed.error);
    for (const field of Object.keys(ERROR_PATH) as FieldName[]) {
      const messages = byPath[ERROR_PATH[field]];
      if (messages && !errors[field]) errors[field] = messages;
    }
  }
  return errors;
}

/** Server fieldErrors (by path) → form fields; paths the form does not show are left to the alert. */
export function fromServer(fieldErrors: Record<string, string[]> | undefined): Errors {
  const errors: Errors = {};
  for (const field of Object.keys(ERROR_PATH) as FieldName[]) {
    const messages = fieldErrors?.[ERROR_PATH[field]];
    if (messages?.length) errors[field] = messages;
  }
  return errors;
}

/** What the route preview needs, once it is all there and valid. */
export function previewInput(v: FormValues) {
  const cents = parseDollars(v.acv);
  if (
    !/^[A-Z]{2}$/.test(v.country) ||
    !isVertical(v.vertical) ||
    !v.productLine ||
    cents === null ||
    cents <= 0 ||
    cents > MAX_ACV_CENTS
  )
    return null;
  const name = v.name.trim();
  const domain = v.domain.trim();
  return {
    ...(name.length >= 2 ? { accountName: name, ...(domain ? { accountDomain: domain } : {}) } : {}),
    country: v.country,
    vertical: v.vertical,
    productLine: v.productLine,
    estimatedAcv: cents,
  };
}

/** What the claim check needs: a name long enough to match on, and the product line. */
export function claimInput(v: FormValues) {
  const name = v.name.trim();
  if (name.length < 2 || !v.productLine) return null;
  const domain = v.domain.trim();
  return { name, ...(domain ? { domain } : {}), productLine: v.productLine };
}
