// The exports' shared pieces: the `format` query parameter and the download response.
import { z } from "zod";

export const exportFormatSchema = z.enum(["csv", "json"], { message: "format must be csv or json" }).default("csv");
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Splits `format` from the other query parameters, which the caller validates with its own schema. */
export function takeExportFormat(params: URLSearchParams): { format: ExportFormat; rest: URLSearchParams } {
  const rest = new URLSearchParams(params);
  const format = exportFormatSchema.parse(rest.get("format") || undefined);
  rest.delete("format");
  return { format, rest };
}

/** An attachment named `<name>-<UTC day>.<format>`, never cached (it is per viewer). */
export function downloadResponse(format: ExportFormat, name: string, body: string | object, now = new Date()): Response {
  const filename = `${name}-${now.toISOString().slice(0, 10)}.${format}`;
  const headers = {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
  };
  return new Response(typeof body === "string" ? body : `${JSON.stringify(body, null, 2)}\n`, { headers });
}
