/**
 * Browsers send Origin on cross-site POSTs: an upload route refuses one from another site that
 * carries our session cookie (server actions get this check from Next; route handlers do not).
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
