// The council over HTTP on the benchmark server (tests/bench/registrations/server.ts): an EXEC's
// session cookie minted as next-auth signs it (next-auth/jwt encode with the server's secret, the
// claims lib/auth/options.ts writes), timed GETs that must answer 200 with the page or the JSON, and
// the server's memory from /proc.
import { readdirSync, readFileSync } from "node:fs";
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
export function rssMb(pid: number | "self" = "self"): { rss: number; peak: number } {
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
