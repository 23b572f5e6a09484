/**
 * The source address of a request, for sign-in throttling. Next fills `x-forwarded-for` with the
 * socket's address only when the request has none, so a client could name any address it likes:
 * unless RELAIS_TRUSTED_PROXIES says how many reverse proxies of ours stand in front of Relais,
 * the server (scripts/peer-address.mjs, loaded by `npm start`) drops the client's header and the
 * value read here is the socket's own address.
 *
 * RELAIS_TRUSTED_PROXIES=N (default 0): each of our N proxies appends the address it saw, so the
 * client is the N-th entry from the right (the rightmost for one proxy).
 */
export function trustedProxies(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.RELAIS_TRUSTED_PROXIES ?? "0");
  return Number.isInteger(n) && n > 0 ? n : 0;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (typeof (source as Headers).get === "function") return (source as Headers).get(name) ?? undefined;
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(source: HeaderSource, env: Record<string, string | undefined> = process.env): string {
  const forwarded = header(source, "x-forwarded-for");
  const entries = (forwarded ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const hops = Math.max(1, trustedProxies(env));
  const address = entries[Math.max(0, entries.length - hops)];
  // Bounded: the value is a database key.
  return address.replace(/^::ffff:/, "").slice(0, 64);
}
