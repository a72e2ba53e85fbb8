/** A short, single-line description of any thrown value, for scan records and logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split("\n")[0]!.slice(0, 500);
  return String(error).slice(0, 500);
}

export function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "name" in error && typeof error.name === "string") return error.name;
  return "Error";
}
