// RFC 4180 CSV with spreadsheet formula-injection safety (OWASP's CSV Injection guidance): one helper for
// every export.

export type CsvValue = string | number | boolean | null | undefined | Date;

// A cell a spreadsheet could read as a formula gets a leading apostrophe, which spreadsheets show as text:
// one that starts with a tab, CR, LF or NUL (OWASP and ASVS list them; spreadsheets skip them), or whose
// first visible character is = + - @ or their full-width forms ＝ ＋ － ＠ (East Asian Excel takes those as
// a formula too) after any whitespace, which spreadsheets also skip.
const FORMULA_START = /^[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n\0]/;
// Quoted: RFC 4180's comma, quote and line breaks, plus what another reader may take as the separator
// (Excel with a ";" list separator, a tab-separated import), so no part of a value can become a cell of its own.
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header plus rows, CRLF line ends as RFC 4180 asks. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
