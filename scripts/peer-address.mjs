// Loaded with `--import` by scripts/start.ts into the Next.js server. Unless RELAIS_TRUSTED_PROXIES
// names reverse proxies of ours (see lib/auth/client-address.ts), a client's own X-Forwarded-For
// is dropped before Next sees the request: Next then sets it to the socket's address, so the
// address sign-in throttling counts per cannot be chosen by the client.
import http from "node:http";

const hops = Number(process.env.RELAIS_TRUSTED_PROXIES || "0");
if (!(Number.isInteger(hops) && hops > 0)) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request) {
    if (event === "request" && request && request.headers) {
      delete request.headers["x-forwarded-for"];
      delete request.headers["x-real-ip"];
    }
    return emit.apply(this, arguments);
  };
}
