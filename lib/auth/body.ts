/** A request body over its route's limit: answered 413 by defineRoute. */
export class BodyTooLargeError extends Error {
  constructor(public readonly limit: number) {
    super(`Request body over ${limit} bytes`);
  }
}

/**
 * Reads a request body into memory, counting bytes as they arrive: a chunked body (no
 * Content-Length) is stopped at the limit like a declared one, and the rest is never read. A
 * declared length over the limit is refused before reading anything.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
