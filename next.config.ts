import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These load WebAssembly, native sockets or their own workers at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss"],
  poweredByHeader: false,
  // The production image (Dockerfile) runs .next/standalone/server.js; `npm start` still uses `next start`.
  output: "standalone",
  // `npm run typecheck` checks the whole tree once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
