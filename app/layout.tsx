import type { Metadata, Viewport } from "next";
import { connection } from "next/server";

import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s · Ghostart",
    default: "Ghostart",
  },
  description:
    "Draft LinkedIn, X, Facebook and Instagram posts with AI in each person's own voice, preview them faithfully, and publish them on time.",
  applicationName: "Ghostart",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#4f46e5",
  colorScheme: "light",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page renders per request: the CSP nonce (proxy.ts) must reach Next's inline scripts, which
  // a prerendered page could not carry.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-background text-foreground antialiased">{children}</body>
    </html>
  );
}
