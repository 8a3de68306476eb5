// Regression: a cross-site server-action POST answered 500 (Next.js's refusal surfaced as an
// internal error with a digest), and a deeply nested action body crashed inside the framework's
// decoder (100,000 levels), also a 500. proxy.ts (lib/security/server-action-guard.ts) now answers
// 403/400/413 before the framework decodes anything. The last test guards lib/api/body.ts: a
// chunked API body far over the cap must get its 413 on the wire, not a reset connection.
// The file runs a server of its own, so the test can read the server's stderr.
import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { insertPartnerApiKey, signIn } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const base = `http://localhost:${PORT}`;
let server: ChildProcess;
let stderr = "";

test.use({ baseURL: base });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: "file:./data/e2e.db",
        AUTH_SECRET: "e2e-secret-not-for-production",
        NEXTAUTH_URL: base,
        ACCORD_JOBS: "off",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  server.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server on ${PORT} did not start: ${stderr}`);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

let actionId = "";
let actionPath = "/portal/rules";

test("the route preview (a server action) still works through the proxy, and its id is captured", async ({ page }) => {
  await signIn(page, "alice@northwind.test");
  await page.goto("/portal/rules");
  await page.getByLabel("Customer country").fill("DE");
  await page.getByLabel("Industry").selectOption("MANUFACTURING");
  await page.getByLabel("Product line").selectOption("Platform");
  await page.getByLabel("Estimated ACV (USD)").fill("180000");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "Preview route" }).click(),
  ]);
  actionId = request.headers()["next-action"];
  actionPath = new URL(request.url()).pathname;
  expect(actionId).toMatch(/^[0-9a-f]{20,}$/);
  await expect(page.getByText(/Led by:/)).toBeVisible();
});

test("a cross-site server-action POST is 403, never a 500 in the server's log", async ({ page }) => {
  await signIn(page, "alice@northwind.test");
  const before = stderr.length;
  const res = await page.request.post(actionPath, {
    headers: {
      Origin: "http://evil.example",
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([
      { country: "DE", vertical: "MANUFACTURING", productLine: "Platform", estimatedAcv: 18_000_000 },
    ]),
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("FORBIDDEN");
  await new Promise((r) => setTimeout(r, 500));
  const logged = stderr.slice(before);
  expect(logged).not.toMatch(/Invalid Server Actions request|digest|⨯|Error:/);
});

test("a deeply nested server-action body is 400 and an oversized one 413", async ({ page, baseURL }) => {
  await signIn(page, "alice@northwind.test");
  const before = stderr.length;
  const headers = {
    Origin: baseURL!,
    "Next-Action": actionId,
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
  };
  for (const levels of [100_000, 2_000]) {
    const res = await page.request.post(actionPath, { headers, data: `[${"[".repeat(levels)}${"]".repeat(levels)}]` });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toMatch(/nested more than 64 levels/);
  }
  const big = await page.request.post(actionPath, {
    headers,
    data: JSON.stringify(["x".repeat(3 * 1024 * 1024 + 10)]),
  });
  expect(big.status()).toBe(413);
  await new Promise((r) => setTimeout(r, 500));
  expect(stderr.slice(before)).not.toMatch(/RangeError|Maximum call stack|digest|⨯/);
});

test("a chunked API body of 12 MB (cap 1 MB) gets its 413 on the wire, not a reset connection", async () => {
  const key = insertPartnerApiKey("Northwind Systems");
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      `${base}/api/v1/registrations`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on("error", reject);
    const piece = "x".repeat(64 * 1024);
    req.write('{"description":"');
    let sent = 0;
    const pump = () => {
      while (sent < 12 * 1024 * 1024) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end('"}');
    };
    pump();
  });
  expect(status).toBe(413);
  expect(JSON.parse(body).error.code).toBe("PAYLOAD_TOO_LARGE");
});
