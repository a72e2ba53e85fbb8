import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const SCAN_TRIGGERS = ["schedule", "cron", "cli", "rescan", "backfill"] as const;
export const SCAN_STATES = ["queued", "running", "succeeded", "partial", "failed"] as const;

// One row per scan of the organisation (or of one account, for "Rescan now").
export const scans = pgTable(
  "scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trigger: text("trigger", { enum: SCAN_TRIGGERS }).notNull(),
    // Schedule slot (e.g. "2026-11-29T06:00Z"): unique, so a re-fired schedule cannot start a second scan.
    slot: text("slot"),
    state: text("state", { enum: SCAN_STATES }).notNull().default("queued"),
    requestedBy: text("requested_by"),
    accountFilter: jsonb("account_filter").$type<string[]>(), // null = every account
    asOf: timestamp("as_of", { withTimezone: true }).notNull(), // the clock checks were evaluated against
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    accountsTotal: integer("accounts_total").notNull().default(0),
    accountsOk: integer("accounts_ok").notNull().default(0),
    accountsPartial: integer("accounts_partial").notNull().default(0),
    accountsFailed: integer("accounts_failed").notNull().default(0),
    accountsSkipped: integer("accounts_skipped").notNull().default(0),
    apiCalls: jsonb("api_calls").$type<Record<string, number>>().notNull().default({}), // calls per AWS service
    error: text("error"),
  },
  (table) => [uniqueIndex("scans_slot_unique").on(table.slot)],
);

// Organisation-level evidence gathered once per scan (accounts, OU paths, tags, SCPs, org trails…) and read
// by every account job of that scan. It holds configuration, never secret values.
export const scanOrgEvidence = pgTable("scan_org_evidence", {
  scanId: uuid("scan_id")
    .primaryKey()
    .references(() => scans.id, { onDelete: "cascade" }),
  evidence: jsonb("evidence").notNull(),
  collectedAt: timestamp("collected_at", { withTimezone: true }).notNull().defaultNow(),
});
