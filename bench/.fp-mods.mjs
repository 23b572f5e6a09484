const m = () => { globalThis.gc(); const u = process.memoryUsage(); return `rss=${(u.rss/1048576).toFixed(1)} heap=${(u.heapUsed/1048576).toFixed(1)}`; };
console.log("base", m());
await import("twitter-api-v2"); console.log("twitter-api-v2", m());
await import("inngest"); console.log("inngest", m());
await import("postgres"); console.log("postgres", m());
await import("drizzle-orm"); console.log("drizzle", m());
await import("zod"); console.log("zod", m());
