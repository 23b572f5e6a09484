import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1_000_000;

export class BodyError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyError("Request body too large", 413);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("Request body is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": status >= 400 && isProblem(body) ? "application/problem+json" : "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

function isProblem(body: unknown): boolean {
  return Boolean(body && typeof body === "object" && "title" in body && !("data" in body));
}

/** X's problem-details bodies, byte-for-byte where the wire is known. */
export const xProblems = {
  unauthorized: () => ({ title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" }),
  tooManyRequests: () => ({ title: "Too Many Requests", type: "about:blank", status: 429, detail: "Too Many Requests" }),
  serverError: (status: 500 | 503) =>
    status === 500
      ? { title: "Internal Server Error", type: "about:blank", status: 500, detail: "Internal Server Error" }
      : { title: "Service Unavailable", type: "about:blank", status: 503, detail: "Service Unavailable" },
  unsupportedAuthentication: () => ({
    title: "Unsupported Authentication",
    detail:
      "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
    type: "https://api.twitter.com/2/problems/unsupported-authentication",
    status: 403,
  }),
  duplicate: () => ({
    detail: "You are not allowed to create a Tweet with duplicate content.",
    type: "about:blank",
    title: "Forbidden",
    status: 403,
  }),
  forbidden: (detail: string) => ({ detail, type: "about:blank", title: "Forbidden", status: 403 }),
  invalidRequest: (errors: Array<{ parameters?: Record<string, string[]>; message: string }>) => ({
    errors,
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: "https://api.twitter.com/2/problems/invalid-request",
  }),
  notFound: () => ({ errors: [{ message: "Sorry, that page does not exist", code: 34 }] }),
};

/** A 200 whose JSON body stops in the middle (injected "malformed" fault). */
export function sendMalformed(res: ServerResponse, headers: Record<string, string | number> = {}): void {
  const payload = '{"data":[{"id":"1","text":"cut';
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload), ...headers });
  res.end(payload);
}
