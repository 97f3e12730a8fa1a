import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages that must not be bundled (native/optional deps, Node APIs).
  serverExternalPackages: ["postgres", "bullmq", "ioredis", "ws"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
