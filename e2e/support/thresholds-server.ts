// The thresholds project's server (playwright.config.ts): demo mode with TENFOLD_AMBER_THRESHOLD=70 on an
// empty database the spec seeds; its port and data folder, shared by the config and the spec.
export const THRESHOLDS_PORT = Number(process.env.E2E_THRESHOLDS_PORT ?? 3108);
export const THRESHOLDS_DATA_DIR = `${process.env.TMPDIR ?? "/tmp"}/tenfold-e2e-thresholds-${THRESHOLDS_PORT}`;
export const THRESHOLDS_AMBER = 70;
