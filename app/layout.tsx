import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Accord", template: "%s · Accord" },
  description: "Partner/direct route-to-market governance",
  // static assets live in public/ (icon, robots.txt, the CSV template)
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

// Every page renders per request: its scripts carry that response's CSP nonce (proxy.ts), which a
// page prerendered at build time could not.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
