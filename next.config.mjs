/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers and wasm stay outside the bundle: PGlite loads its wasm/data files from its
  // package folder at run time, and postgres.js must be one instance per process.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "twitter-api-v2"],
  poweredByHeader: false,
  // Parallel builds of one checkout (developers' e2e runs) each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
