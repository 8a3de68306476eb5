// Where a registration's time goes: the app's submitRegistration called in this process (no HTTP,
// no Next.js) on the same kind of bodies, with its CPU time and the SQL statements it sends counted.
// Set against the server's CPU per request, it splits the cost into "the framework" and "the
// domain and data layer".
import type { Ctx } from "@/lib/auth/types";
import { registrationInput } from "@/lib/validation/registrations";
import type { Generated } from "./load";
import { captureSql } from "./lookup";
import type { PartnerKey } from "./workload";

export type InProcess = { calls: number; wallMs: number; cpuMs: number; statements: number; conflicts409: number };

export async function profileSubmit(next: () => Generated, keys: PartnerKey[], calls: number): Promise<InProcess> {
  // lib/db/client binds to DATABASE_URL on first import: the caller points it at the run copy
  const { submitRegistration } = await import("@/lib/db/registration-submit");
  const { AppError } = await import("@/lib/errors");
  const ctxOf = new Map(
    keys.map((k): [string, Ctx] => [
      `Bearer ${k.key}`,
      {
        userId: k.userId,
        name: 'API key "Registration benchmark"',
        email: null,
        role: "PARTNER",
        title: null,
        partnerId: k.partnerId,
        via: "api-key",
      },
    ]),
  );
  const submit = async () => {
    const { headers, body } = next();
    try {
      await submitRegistration(ctxOf.get(headers.authorization)!, registrationInput.parse(JSON.parse(body)), {
        idempotencyKey: headers["idempotency-key"],
      });
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") return 1; // the API's 409
      throw error;
    }
  };
  for (let i = 0; i < Math.min(50, calls); i++) await submit(); // warm-up
  let conflicts409 = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sql = await captureSql(async () => {
    for (let i = 0; i < calls; i++) conflicts409 += await submit();
  });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await (await import("@/lib/db/client")).db.$disconnect();
  return {
    calls,
    wallMs: wall / calls,
    cpuMs: (cpu.user + cpu.system) / 1000 / calls,
    statements: sql.length / calls,
    conflicts409,
  };
}
