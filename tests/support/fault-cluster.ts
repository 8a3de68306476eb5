// A PostgreSQL cluster of the fault suite's own (lib/cli/pg-cluster.sh), which the tests stop,
// start again, freeze (SIGSTOP) and thaw: other test files share the main test server.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export function postgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "pg_ctl")));
  return versions.length ? path.join(base, versions.sort((a, b) => Number(a) - Number(b)).at(-1)!, "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type FaultCluster = {
  url: string;
  stop(): void;
  start(): void;
  ensureRunning(): void;
  freeze(): void;
  thaw(): void;
  destroy(): void;
};

export async function startFaultCluster(bin: string): Promise<FaultCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-faults-"));
  const port = await freePort();
  const script = path.join(root, "lib/cli/pg-cluster.sh");
  const url = execFileSync("bash", [script, "start", dir, String(port)], { encoding: "utf8" }).trim();
  const asPostgres = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "ignore" })
      : execFileSync(cmd, args, { stdio: "ignore" });
  const pgCtl = (...args: string[]) => asPostgres(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), ...args]);
  // the same server options as lib/cli/pg-cluster.sh starts it with
  const options =
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c ` +
    `fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let frozen: number[] = [];
  const start = () => pgCtl("-l", path.join(dir, "log"), "-w", "-o", options, "start");
  return {
    url,
    stop: () => pgCtl("-m", "fast", "-w", "stop"),
    start,
    // a test that failed half-way may have left it stopped: the next one starts from a running server
    ensureRunning() {
      if (!existsSync(path.join(dir, "data", "postmaster.pid"))) start();
    },
    // the postmaster and every backend: a server that accepts TCP connections and never answers
    freeze() {
      const postmaster = Number(readFileSync(path.join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
      const children = execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" })
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
      frozen = [postmaster, ...children];
      for (const pid of frozen) process.kill(pid, "SIGSTOP");
    },
    thaw() {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
      frozen = [];
    },
    destroy() {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
      execFileSync("bash", [script, "stop", dir], { stdio: "ignore" });
    },
  };
}
