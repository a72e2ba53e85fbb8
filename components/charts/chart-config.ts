// One place for chart colours: status colours come from the CSS variables in app/globals.css.
export const CHART_COLOURS = {
  green: "var(--status-green)",
  amber: "var(--status-amber)",
  red: "var(--status-red)",
  grey: "var(--status-grey)",
  line: "var(--ink)",
  muted: "var(--ink-muted)",
  grid: "#e2e8f0",
} as const;

export const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
