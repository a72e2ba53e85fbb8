import { describe, expect, it } from "vitest";
import { PayloadTooLargeError, ValidationError } from "./errors";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./json-body";

const CHUNK = 16 * 1024;

/** A request whose body is produced on demand, counting what the server pulled from the client. */
function streamedRequest(totalBytes: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      const size = Math.min(CHUNK, totalBytes - pulled.bytes);
      pulled.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  }, { highWaterMark: 0 });
  const request = new Request("http://localhost:3000/api/attestations", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

describe("readJsonBody", () => {
  it("stops reading a streamed body once it passes 64 KB and answers too large", async () => {
    const { request, pulled } = streamedRequest(20 * 1024 * 1024);
    await expect(readJsonBody(request)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_JSON_BODY_BYTES + 2 * CHUNK);
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { request, pulled } = streamedRequest(600 * 1024 * 1024, { "content-length": String(600 * 1024 * 1024) });
    await expect(readJsonBody(request)).rejects.toThrow("the body is larger than 64 KB");
    expect(pulled.bytes).toBe(0);
  });

  it("counts bytes, not characters", async () => {
    const text = JSON.stringify({ statement: "é".repeat(40_000) }); // 40 000 characters, 80 000 bytes
    const request = new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" }, body: text });
    await expect(readJsonBody(request)).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it("reads a body within the limit", async () => {
    const request = new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ checkId: "i1.contacts_attested", note: "é" }) });
    expect(await readJsonBody(request)).toEqual({ checkId: "i1.contacts_attested", note: "é" });
  });

  it.each([
    ["a non-JSON content type", { "content-type": "text/plain" }, "{}", "send the body as JSON"],
    ["invalid JSON", { "content-type": "application/json" }, "{", "the body is not valid JSON"],
  ])("answers %s as a validation error", async (_label, headers, body, message) => {
    const request = new Request("http://localhost/", { method: "POST", headers, body });
    const error = await readJsonBody(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(message);
  });
});
