/** The one error type handlers throw; each protocol encodes it in its own wire shape. */
export class SandboxError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
    /** awsQuery `<Type>`: Sender for client faults, Receiver for server faults. */
    readonly fault: "Sender" | "Receiver" = httpStatus >= 500 ? "Receiver" : "Sender",
    /** Extra response headers, e.g. S3's `x-amz-bucket-region` on a redirect. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}
