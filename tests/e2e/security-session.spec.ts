// /api/auth/session answered with the user from the signed token alone, so a user disabled by an
// admin still got a session from it. It now re-checks the user row like every other request.
import { expect, test } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { PASSWORD, inE2eDb, signIn } from "./helpers";

test("a disabled user gets no session from /api/auth/session; enabled again, the same cookie works", async ({
  page,
}) => {
  const id = `u_${randomBytes(6).toString("hex")}`;
  const email = `${id}@accord.test`;
  const passwordHash = await hash(PASSWORD);
  const now = new Date().toISOString();
  inE2eDb((db) =>
    db
      .prepare(
        `INSERT INTO "User" (id, email, name, passwordHash, role, active, createdAt, updatedAt) VALUES (?, ?, 'Session Probe', ?, 'AE', 1, ?, ?)`,
      )
      .run(id, email, passwordHash, now, now),
  );
  const setActive = (active: boolean) =>
    inE2eDb((db) => db.prepare(`UPDATE "User" SET active = ? WHERE id = ?`).run(active ? 1 : 0, id));
  const session = async () => {
    const res = await page.request.get("/api/auth/session");
    expect(res.status()).toBe(200);
    return res.json();
  };

  await signIn(page, email);
  expect((await session()).user?.email).toBe(email);

  setActive(false);
  expect(await session()).toEqual({});

  setActive(true);
  expect((await session()).user?.email).toBe(email);
});
