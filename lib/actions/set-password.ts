"use server";
// The public set-password form (app/(auth)/set-password): no session, so not through defineAction;
// the one-time token is the credential (lib/db/password-tokens.ts). Errors are mapped the same way.
import { toActionError, type ActionResult } from "./define-action";
import { consumePasswordToken } from "@/lib/db/password-tokens";
import { setPasswordInput } from "@/lib/validation/admin-users";
import { assertNoNul } from "@/lib/validation/nul";

export async function setPasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    assertNoNul(input);
    const { token, password } = setPasswordInput.parse(input);
    return { ok: true, data: await consumePasswordToken(token, password) };
  } catch (error) {
    return toActionError(error);
  }
}
