import { randomBytes } from "node:crypto";

// The Graph API's error bodies, with the messages, codes and subcodes the real API sends, so
// that a client written against the simulator handles production errors the same way.

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    is_transient?: boolean;
    code: number;
    error_subcode?: number;
    fbtrace_id: string;
  };
}

export interface GraphFailure {
  status: number;
  body: GraphErrorBody;
}

/** An opaque id like the ones Meta's support asks for; also sent as the x-fb-trace-id header. */
export function fbtraceId(): string {
  return randomBytes(8).toString("base64url").slice(0, 11);
}

export function failure(
  status: number,
  message: string,
  code: number,
  opts: { type?: string; subcode?: number; transient?: boolean } = {},
): GraphFailure {
  return {
    status,
    body: {
      error: {
        message,
        type: opts.type ?? "OAuthException",
        ...(opts.transient === undefined ? {} : { is_transient: opts.transient }),
        code,
        ...(opts.subcode === undefined ? {} : { error_subcode: opts.subcode }),
        fbtrace_id: fbtraceId(),
      },
    },
  };
}

const PACIFIC = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  weekday: "long",
  day: "2-digit",
  month: "short",
  year: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** Facebook's own format in expiry messages: "Tuesday, 10-Jun-25 03:00:00 PDT" (Menlo Park time). */
export function pacificTime(date: Date): string {
  const p = Object.fromEntries(PACIFIC.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.weekday}, ${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

export const GRAPH_DOCS_HINT = "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api";

export const graphErrors = {
  missingToken: () => failure(400, "An access token is required to request this resource.", 104),
  invalidToken: () => failure(400, "Invalid OAuth access token - Cannot parse access token", 190),
  expiredToken: (expiredAt: Date, now = new Date()) =>
    failure(
      400,
      `Error validating access token: Session has expired on ${pacificTime(expiredAt)}. The current time is ${pacificTime(now)}.`,
      190,
      { subcode: 463 },
    ),
  invalidAppSecretProof: () => failure(400, "Invalid appsecret_proof provided in the API argument", 100, { type: "GraphMethodException" }),
  unsupportedRequest: (method: string, id: string) =>
    failure(
      400,
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. ${GRAPH_DOCS_HINT}`,
      100,
      { type: "GraphMethodException", subcode: 33 },
    ),
  nonexistingField: (field: string, nodeType: string) =>
    failure(400, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, 100),
  invalidParameter: (message: string) => failure(400, `(#100) ${message}`, 100),
  unknownPath: (path: string) => failure(400, `Unknown path components: ${path}`, 2500),
  deprecatedVersion: (current: string) =>
    failure(400, `(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: ${current}.`, 2635),
  // Throttling comes with HTTP 403 (as observed on the wire for #4); clients must decide on the
  // code, never on the status.
  appLimit: () => failure(403, "(#4) Application request limit reached", 4, { transient: true }),
  pageLimit: () => failure(403, "(#32) Page request limit reached", 32, { transient: true }),
  apiRate: () => failure(403, "(#613) Calls to this api have exceeded the rate limit.", 613, { transient: true }),
  pagesBusinessLimit: () =>
    failure(
      403,
      "(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
      80001,
      { transient: true },
    ),
  messengerLimit: () =>
    failure(403, "(#80006) There have been too many messages sent to this Messenger account. Wait a bit and try again.", 80006, {
      transient: true,
    }),
  unknownError: () => failure(500, "An unknown error has occurred.", 1, { transient: true }),
  serviceUnavailable: () => failure(503, "(#2) Service temporarily unavailable", 2, { transient: true }),
};
