#!/usr/bin/env node
// `npm start`: build if needed, create/migrate/seed the database, serve. Nothing else to install.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "./build.mjs";
import { bin, root } from "./paths.mjs";

export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) return;
  const file = path.join(root, "data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("[auth] generated a secret in data/auth-secret (set AUTH_SECRET in production)");
  }
}

export function prepareDatabase(args = []) {
  const res = spawnSync(
    process.execPath,
    [bin.tsx, "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "prisma/prepare.ts"), ...args],
    { cwd: root, stdio: "inherit", env: process.env },
  );
  if (res.status !== 0) process.exit(res.status ?? 1);
}

function serve() {
  const port = process.env.PORT || "3000";
  const host = process.env.HOSTNAME || "0.0.0.0";
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: port, HOSTNAME: host };
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  // our own server rather than `next start`: it decides which forwarded headers to believe
  const child = spawn(process.execPath, [path.join(root, "lib/cli/server.mjs")], { cwd: root, stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  ensureAuthSecret();
  build();
  prepareDatabase(process.argv.slice(2));
  console.log(`[start] ready to serve after ${Math.round((Date.now() - started) / 1000)} s`);
  serve();
}
