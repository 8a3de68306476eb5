// One load phase: autocannon at a fixed overall rate against the running server, with every
// response's latency kept (autocannon's own summary has no p95, and with a rate set it "corrects"
// latencies with a 1 ms expected interval), status codes tallied per kind of request, and the CPU
// the server's process group and the whole machine used meanwhile.
import os from "node:os";
import autocannon from "autocannon";
import { percentile } from "../rules/harness";
import { machineTicks, type Server } from "./server";

/**
 * "autocannon": autocannon's own rate limit, which refills each connection's budget once a second,
 *   so every second starts with a burst (all connections busy until that second's requests are done).
 * "even": one request per connection every connections/rate seconds, connections staggered, so the
 *   requests arrive evenly spread over each second (patches the client's rate timer, autocannon 9).
 */
export type Pacing = "autocannon" | "even";

export type Generated = { headers: Record<string, string>; body: string; kind: string };

export type PhaseOptions = {
  name: string;
  server: Server;
  seconds: number;
  rate: number;
  connections: number;
  pacing: Pacing;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** a new request (headers and body) for every call; `kind` labels its response in the outcome tally */
  next?: () => Generated;
  /** the statuses this endpoint may answer with; anything else is an error of the benchmark run */
  expected: readonly number[];
  /** a short label for a response, e.g. "201 DUPLICATE_REGISTRATION" */
  outcome?: (status: number, body: string) => string;
};

export type PhaseResult = {
  name: string;
  wallSeconds: number;
  completed: number;
  rps: number;
  latency: { mean: number; p50: number; p95: number; p99: number; max: number }; // ms
  statuses: Map<number, number>;
  outcomes: Map<string, number>;
  unexpected: number;
  unexpectedSamples: string[];
  errors: number;
  timeouts: number;
  serverCpuMsPerRequest: number;
  serverCores: number; // CPU seconds of the server per wall second
  machineBusy: number; // fraction of all cores busy (everyone's work)
  load1: [number, number];
};

type PacedClient = {
  rate: number;
  reqsMadeThisSecond: number;
  paused: boolean;
  destroyed: boolean;
  rateInterval: NodeJS.Timeout;
  _doRequest: () => void;
};

function evenPacing(rate: number, connections: number): (client: unknown) => void {
  const period = (1000 * connections) / rate; // ms between two requests of one connection
  let index = 0;
  return (raw) => {
    const client = raw as PacedClient;
    const offset = (index++ * period) / connections;
    // setupClient runs inside the Client constructor, before it starts its once-a-second timer
    process.nextTick(() => {
      if (typeof client._doRequest !== "function" || !("reqsMadeThisSecond" in client)) {
        throw new Error("BENCH_PACING=even: autocannon's client internals changed; use BENCH_PACING=autocannon");
      }
      clearInterval(client.rateInterval);
      client.rate = 1;
      client.reqsMadeThisSecond = 1; // the first request waits for this connection's first tick
      const tick = () => {
        client.reqsMadeThisSecond = 0;
        if (client.paused) {
          client.paused = false;
          client._doRequest();
        }
      };
      // destroy() clears client.rateInterval, whichever of the two timers it holds then
      client.rateInterval = setTimeout(() => {
        if (client.destroyed) return;
        tick();
        client.rateInterval = setInterval(tick, period);
      }, offset);
    });
  };
}

export function runPhase(o: PhaseOptions): Promise<PhaseResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const outcomes = new Map<string, number>();
  const unexpectedSamples: string[] = [];
  let unexpected = 0;
  const cpu0 = o.server.cpuSeconds();
  const machine0 = machineTicks();
  const load0 = os.loadavg()[0];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.server.url,
        connections: o.connections,
        overallRate: o.rate,
        duration: o.seconds,
        timeout: 10,
        ...(o.pacing === "even" ? { setupClient: evenPacing(o.rate, o.connections) } : {}),
        requests: [
          {
            method: o.method,
            path: o.path,
            headers: o.headers,
            setupRequest: (req, context) => {
              if (!o.next) return req;
              const generated = o.next();
              context.kind = generated.kind;
              return { ...req, headers: generated.headers, body: generated.body };
            },
            onResponse: (status, body, context) => {
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              const label = `${context.kind ? `${context.kind}: ` : ""}${o.outcome ? o.outcome(status, body) : status}`;
              outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
              if (!o.expected.includes(status)) {
                unexpected++;
                if (unexpectedSamples.length < 5) unexpectedSamples.push(`${status} ${body.slice(0, 300)}`);
              }
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const wallSeconds = (performance.now() - t0) / 1000;
        const machine1 = machineTicks();
        const cpu = o.server.cpuSeconds() - cpu0;
        const sorted = latencies.sort((a, b) => a - b);
        const completed = sorted.length;
        resolve({
          name: o.name,
          wallSeconds,
          completed,
          rps: completed / (result.duration || o.seconds),
          latency: {
            mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, completed),
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
            max: sorted[completed - 1],
          },
          statuses,
          outcomes,
          unexpected,
          unexpectedSamples,
          errors: result.errors,
          timeouts: result.timeouts,
          serverCpuMsPerRequest: (1000 * cpu) / Math.max(1, completed),
          serverCores: cpu / wallSeconds,
          machineBusy: (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total),
          load1: [load0, os.loadavg()[0]],
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
}
