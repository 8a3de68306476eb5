#!/usr/bin/env node
// The HTTP server `npm start` runs: Next.js's documented custom server (`next({ dev: false })` on
// `http.createServer`), so that the socket address is known before Next.js reads a request. It is
// the trust boundary for forwarded headers (lib/security/forwarded.mjs): Next.js on its own keeps
// whatever X-Forwarded-For / X-Forwarded-Host a client sends. Env: PORT, HOSTNAME, TRUSTED_PROXIES.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { applyForwardedTrust, parseTrustedProxies, PROXY_TOKEN_ENV } from "../security/forwarded.mjs";
import { root } from "./paths.mjs";

process.env.NODE_ENV = "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";

let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (e) {
  console.error(`[server] ${e.message}`);
  process.exit(1);
}
// known only to this process: a request carrying it came through a proxy in TRUSTED_PROXIES
const token = randomBytes(32).toString("base64url");
process.env[PROXY_TOKEN_ENV] = token;

// imported after NODE_ENV is set, as `next start` does
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  applyForwardedTrust(req.headers, req.socket.remoteAddress, trusted, token);
  handle(req, res).catch((error) => {
    console.error("[server] unhandled error", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error(`[server] ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const proxies = process.env.TRUSTED_PROXIES?.trim();
  console.log(
    `[server] listening on http://${hostname}:${port}${proxies ? ` (trusting forwarded headers from ${proxies})` : ""}`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
