// `npm run user:create-admin -- <email> <name>` with the password in ACCORD_ADMIN_PASSWORD: the
// first channel-operations user of a production install (which seeds no demo users).
import { hash } from "@node-rs/argon2";
import { z } from "zod";
import type { AuditAction } from "@/lib/audit/actions";
import { connect } from "@/lib/db/connect";
import { databaseUrl } from "@/lib/db/provider";
import { transaction } from "@/lib/db/transaction";

const input = z.object({
  email: z.string().trim().toLowerCase().email("Give the admin's e-mail as the first argument"),
  name: z.string().trim().min(2, "Give the admin's name as the second argument").max(200),
  password: z.string().min(12, "Set ACCORD_ADMIN_PASSWORD to at least 12 characters"),
});

async function main() {
  const parsed = input.safeParse({
    email: process.argv[2],
    name: process.argv.slice(3).join(" "),
    password: process.env.ACCORD_ADMIN_PASSWORD ?? "",
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`✘ ${issue.message}`);
    process.exit(2);
  }
  const { db } = connect(databaseUrl());
  try {
    const passwordHash = await hash(parsed.data.password);
    const user = await transaction(db, async (tx) => {
      const created = await tx.user.upsert({
        where: { email: parsed.data.email },
        create: { email: parsed.data.email, name: parsed.data.name, passwordHash, role: "ADMIN" },
        update: { name: parsed.data.name, passwordHash, role: "ADMIN", title: null, partnerId: null, active: true },
        select: { id: true, email: true },
      });
      await tx.auditEvent.create({
        data: {
          actorLabel: "command line",
          action: "user.create-admin" satisfies AuditAction,
          entityType: "User",
          entityId: created.id,
          after: { email: created.email, role: "ADMIN" },
        },
      });
      return created;
    });
    console.log(`✔ ${user.email} can sign in as channel operations (ADMIN)`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
