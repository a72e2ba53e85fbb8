// RFC 4180 CSV with spreadsheet formula-injection safety: one helper for every export.

export type CsvValue = string | number | boolean | null | undefined | Date;

// A cell a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header plus rows, CRLF line ends as RFC 4180 asks. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
