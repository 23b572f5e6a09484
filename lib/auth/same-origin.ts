/** Methods that change something: the ones a cross-site form or fetch must not be able to send. */
export function isStateChanging(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/**
 * Whether a state-changing request comes from our own pages. Browsers send Origin on every POST,
 * PUT, PATCH and DELETE (same-site ones included), so a missing Origin is not a browser of ours:
 * refused, like one from another site carrying our session cookie (server actions get this check
 * from Next; route handlers get it from defineRoute). Our origin is the request's host (as the
 * proxy forwarded it) or the public URL Relais was started with.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const requestHost = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (requestHost && host === requestHost) return true;
  const publicUrl = process.env.RELAIS_PUBLIC_URL || process.env.NEXTAUTH_URL;
  try {
    return !!publicUrl && new URL(publicUrl).host === host;
  } catch {
    return false;
  }
}
