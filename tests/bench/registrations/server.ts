// Runs the app as `npm start` does (lib/cli/start.mjs → migrate/seed → next start) in its own
// process group on loopback, and measures the CPU time that group uses, so a result on a shared
// machine can be read as "CPU per request" as well as wall-clock latency.
import { spawn, execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { root } from "../../../lib/cli/paths.mjs";

/** The secret the benchmark servers sign sessions with (a bench can mint a session cookie with it). */
export const BENCH_AUTH_SECRET = "accord-registration-benchmark";

export type Server = {
  url: string;
  pid: number;
  /** user + system CPU seconds used so far by every live process of the server's group */
  cpuSeconds(): number;
  /** the last lines the server printed */
  log(): string;
  stop(): Promise<void>;
};

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime (clock ticks) of every process whose process group is `pgid`. */
function groupTicks(pgid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from #3 (state) on
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]); // #5 pgrp, #14 utime, #15 stime
    } catch {
      // the process exited while we looked
    }
  }
  return ticks;
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - cpu[3] - cpu[4], total }; // minus idle and iowait
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(opts: {
  dbFile: string;
  port: number;
  timeoutMs?: number;
  /** another database than the SQLite file (e.g. postgresql://…) */
  databaseUrl?: string;
}): Promise<Server> {
  const url = `http://127.0.0.1:${opts.port}`;
  const lines: string[] = [];
  const child = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], {
    cwd: root,
    detached: true, // its own process group: stop() ends next start and anything it spawned
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl ?? `file:${path.relative(root, opts.dbFile)}`,
      PORT: String(opts.port),
      HOSTNAME: "127.0.0.1",
      AUTH_SECRET: BENCH_AUTH_SECRET,
      NEXTAUTH_URL: url,
      ACCORD_JOBS: "off",
    },
  });
  const pid = child.pid!;
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      lines.push(...chunk.split("\n").filter(Boolean));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    });
  }
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.on("exit", (code) => ((exited = code), resolve())));

  const server: Server = {
    url,
    pid,
    cpuSeconds: () => groupTicks(pid) / TICKS_PER_SECOND,
    log: () => lines.join("\n"),
    async stop() {
      if (exited !== undefined) return;
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 10_000);
      await exit;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (exited !== undefined)
      throw new Error(`the server exited (code ${exited}) before it was ready:\n${server.log()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === "ok") return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `the server was not healthy after ${Math.round((opts.timeoutMs ?? 180_000) / 1000)} s:\n${server.log()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
