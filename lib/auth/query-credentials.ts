// Query parameters that carry a secret anywhere, and those that only mean "credentials" on the
// sign-in page (elsewhere `login` may be a legitimate filter).
const SECRET_PARAMS = ["password", "passwd", "pwd"];
const SIGN_IN_PARAMS = ["login", ...SECRET_PARAMS];

/** The URL without credentials in its query, or null when it carries none. */
export function withoutCredentials(url: URL): URL | null {
  const names = url.pathname === "/login" ? SIGN_IN_PARAMS : SECRET_PARAMS;
  const present = [...url.searchParams.keys()].filter((k) => names.includes(k.toLowerCase()));
  if (present.length === 0) return null;
  const clean = new URL(url.toString());
  for (const name of present) clean.searchParams.delete(name);
  return clean;
}
