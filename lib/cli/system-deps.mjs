// What `npm test` needs beyond npm packages, found or provided on this machine:
// Debian's Chromium for Playwright and a throwaway PostgreSQL cluster for the PostgreSQL run.
// Installs with apt-get when running as root on Debian (as on CI and our dev machines), unless
// ACCORD_NO_SYSTEM_INSTALL=1; otherwise says exactly what is missing.
import { existsSync, readdirSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { root } from "./paths.mjs";

const canInstall = () =>
  process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && process.env.ACCORD_NO_SYSTEM_INSTALL !== "1";

function aptInstall(pkgs) {
  console.log(`[deps] installing ${pkgs.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const res = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], {
    stdio: "inherit",
    env,
  });
  return res.status === 0;
}

export function chromiumPath() {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(candidate)) return candidate;
  if (canInstall() && aptInstall(["chromium"]) && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error(
    "Chromium is needed for the end-to-end tests: install Debian's `chromium` package (or set CHROMIUM_PATH).",
  );
}

function pgBinDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Starts a throwaway PostgreSQL cluster; returns { url, stop } or null when PostgreSQL is unavailable. */
export async function startPostgres() {
  if (!pgBinDir() && !(canInstall() && aptInstall(["postgresql"]))) return null;
  if (!pgBinDir()) return null;
  const dir = path.join(os.tmpdir(), `accord-pg-${process.pid}`);
  const port = await freePort();
  const script = path.join(root, "lib/cli/pg-cluster.sh");
  const url = execFileSync("bash", [script, "start", dir, String(port)], { encoding: "utf8" }).trim();
  const stop = () => spawnSync("bash", [script, "stop", dir], { stdio: "ignore" });
  return { url, stop };
}
