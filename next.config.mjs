import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its request configuration (locale, messages, time zone) from here; no locale
// appears in the URL (see lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers and wasm stay outside the bundle: PGlite loads its wasm/data files from its
  // package folder at run time, and postgres.js must be one instance per process.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "twitter-api-v2"],
  poweredByHeader: false,
  // Parallel builds of one checkout (developers' e2e runs) each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // Each page's server code loads on its first request rather than all of them at start
    // (bench/footprint.ts: tens of MB of an idle server that may never serve most admin pages).
    preloadEntriesOnStart: false,
    // Bodies through proxy.ts are cut at 10 MB by default; address-book imports take up to 50 MB
    // (the route handler itself refuses more, with the limit).
    proxyClientMaxBodySize: "52mb",
  },
};

export default withNextIntl(nextConfig);
