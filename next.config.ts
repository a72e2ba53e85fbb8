import type { NextConfig } from "next";
import { configSecurityHeaders } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // These load WebAssembly, native sockets or their own workers at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss"],
  poweredByHeader: false,
  // Security headers on every path, including those proxy.ts skips (static assets, /favicon.ico, their 404s).
  headers: async () => configSecurityHeaders(),
  // The production image (Dockerfile) runs .next/standalone/server.js and builds with this set; `npm start`
  // and `npm run demo` serve with `next start`, which warns on every start when the build is standalone.
  output: process.env.TENFOLD_STANDALONE_BUILD === "true" ? "standalone" : undefined,
  // `npm run typecheck` checks the whole tree once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
