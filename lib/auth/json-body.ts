import "server-only";
import { PayloadTooLargeError, ValidationError } from "./errors";

/** The largest JSON body a route reads: exceptions and attestations are a few hundred bytes. */
export const MAX_JSON_BODY_BYTES = 65_536;

/**
 * The request's JSON body, or a 400 that says why it could not be read. A body over the limit is a 413
 * and is never read whole: a declared Content-Length over it is refused before reading, and a streamed
 * (chunked) body is read only until it passes the limit, then cancelled. Callers check the viewer's role
 * first, so a caller who may not act never gets a body read at all.
 */
export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) throw new ValidationError("send the body as JSON (content-type: application/json)");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new PayloadTooLargeError(limit);
  const text = await readCapped(request.body, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("the body is not valid JSON");
  }
}

async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
