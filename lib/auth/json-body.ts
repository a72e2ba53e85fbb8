import "server-only";
import { ValidationError } from "./errors";

/** The request's JSON body, or a 400 that says why it could not be read. Bodies over 64 KB are refused. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) throw new ValidationError("send the body as JSON (content-type: application/json)");
  const text = await request.text();
  if (text.length > 65_536) throw new ValidationError("the body is larger than 64 KB");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("the body is not valid JSON");
  }
}
