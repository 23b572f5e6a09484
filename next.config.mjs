import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its request configuration (locale, messages, time zone) from here; no locale
// appears in the URL (see lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * The Content-Security-Policy of every answer. Relais loads nothing from elsewhere: scripts,
 * styles, fonts, sounds and the live stream come from its own origin. Next's hydration data is
 * inline (no nonce without making every page dynamic), hence 'unsafe-inline' for scripts; the dev
 * server's fast refresh also needs 'unsafe-eval'. No page may be framed (frame-ancestors 'none':
 * clickjacking), no plugin runs, forms post only to us.
 */
export function contentSecurityPolicy(dev = process.env.NODE_ENV === "development") {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy() },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers and wasm stay outside the bundle: PGlite loads its wasm/data files from its
  // package folder at run time, and postgres.js must be one instance per process.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "twitter-api-v2"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
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
