// The council over HTTP on the benchmark server (tests/bench/registrations/server.ts): an EXEC's
// session cookie minted as next-auth signs it (next-auth/jwt encode with the server's secret, the
// claims lib/auth/options.ts writes), timed GETs that must answer 200 with the page or the JSON, and
// the server's memory from /proc.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { encode } from "next-auth/jwt";

export async function sessionCookie(user: { id: string; email: string; name: string }, secret: string) {
  const token = await encode({
    token: { sub: user.id, uid: user.id, email: user.email, name: user.name },
    secret,
    maxAge: 8 * 60 * 60,
  });
  return `next-auth.session-token=${token}`;
}

/** GET `url` with the cookie; throws unless it answers 200 with `expect` in the body. */
export async function timedGet(url: string, cookie: string, expect: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  if (!body.includes(expect)) throw new Error(`GET ${url} did not contain "${expect}"`);
  return ms;
}

const kb = (status: string, key: string) =>
  Number(/(\d+) kB/.exec(status.split("\n").find((l) => l.startsWith(key)) ?? "")?.[1] ?? 0);

/** RSS now and at its peak (MB) of this process or of process `pid`. */
function rssMb(pid: number | "self" = "self"): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { rss: kb(status, "VmRSS") / 1024, peak: kb(status, "VmHWM") / 1024 };
}

/** RSS now and at its peak (MB) of the largest process in process group `pgid` (the Node server). */
export function groupRss(pgid: number): { rss: number; peak: number } {
  let best = { rss: 0, peak: 0 };
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const rss = kb(status, "VmRSS") / 1024;
      if (rss > best.rss) best = { rss, peak: kb(status, "VmHWM") / 1024 };
    } catch {
      // the process exited while we looked
    }
  }
  return best;
}

/**
 * The end of a bench run: the server's and this process's memory (target < 512 MB), the machine's load,
 * then the errors met (exit 1) after `disconnect`.
 */
export async function finish(
  serverMem: { rss: number; peak: number } | null,
  errors: string[],
  disconnect: () => Promise<void>,
): Promise<void> {
  if (serverMem)
    console.log(
      `server RSS ${serverMem.rss.toFixed(0)} MB after the run (peak ${serverMem.peak.toFixed(0)} MB; target < 512 MB: ` +
        `${serverMem.peak < 512 ? "ok" : "MISSED"})`,
    );
  const mem = rssMb("self");
  console.log(`bench process RSS ${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)`);
  console.log(`load ${os.loadavg()[0].toFixed(2)} at the end`);
  await disconnect();
  if (errors.length) {
    console.error(`\nErrors:\n- ${errors.join("\n- ")}`);
    process.exit(1);
  }
}
