import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY } from "./lib/security/csp";

// Pages get their Content-Security-Policy (with a per-response nonce) from proxy.ts; these
// headers go on every response.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // bulk CSV upload validates files of up to 2 MB on the server
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // pdfkit reads its built-in fonts' .afm files from its own folder at run time: bundled, the
  // paths break (the council pack PDF, lib/council-pack/pdf.ts)
  serverExternalPackages: ["pdfkit"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default config;
