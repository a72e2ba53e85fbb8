import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { scans } from "./scans";

export const SNAPSHOT_STATUSES = ["ok", "partial", "failed", "skipped"] as const;
export const ITEM_STATUSES = ["green", "amber", "red", "grey"] as const;
export const CHECK_RESULTS = ["pass", "fail", "warn", "unknown", "not_applicable", "excepted", "attested"] as const;
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;

export type ResourceRef = { kind: string; id: string; region?: string; detail?: string };

// One row per (scan, account): the account's result in that scan. A failed account gets a row with its
// error but no item rows, so the last good snapshot stays the one the pages show.
export const accountSnapshots = pgTable(
  "account_snapshots",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    scanId: uuid("scan_id")
      .notNull()
      .references(() => scans.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    status: text("status", { enum: SNAPSHOT_STATUSES }).notNull(),
    score: real("score"),
    coverage: real("coverage"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    apiCalls: jsonb("api_calls").$type<Record<string, number>>().notNull().default({}),
    worker: text("worker"), // host:pid of the worker process that wrote it, for operators
  },
  (table) => [
    uniqueIndex("account_snapshots_scan_account_unique").on(table.scanId, table.accountId),
    index("account_snapshots_account_idx").on(table.accountId, table.evaluatedAt),
  ],
);

export const itemResults = pgTable(
  "item_results",
  {
    snapshotId: bigint("snapshot_id", { mode: "number" })
      .notNull()
      .references(() => accountSnapshots.id, { onDelete: "cascade" }),
    item: smallint("item").notNull(),
    score: real("score"),
    status: text("status", { enum: ITEM_STATUSES }).notNull(),
    coverage: real("coverage").notNull(),
    explanation: text("explanation").notNull(),
  },
  (table) => [uniqueIndex("item_results_snapshot_item_unique").on(table.snapshotId, table.item)],
);

// Raw per-check results; pruned after the retention window while the daily rollups stay.
export const checkResults = pgTable(
  "check_results",
  {
    snapshotId: bigint("snapshot_id", { mode: "number" })
      .notNull()
      .references(() => accountSnapshots.id, { onDelete: "cascade" }),
    checkId: text("check_id").notNull(),
    item: smallint("item").notNull(),
    result: text("result", { enum: CHECK_RESULTS }).notNull(),
    severity: text("severity", { enum: SEVERITIES }).notNull(),
    reason: text("reason").notNull(),
    resources: jsonb("resources").$type<ResourceRef[]>().notNull().default([]), // bounded list, never secret values
    resourcesTruncated: integer("resources_truncated").notNull().default(0),
    source: text("source"), // "org" when copied from an organisation-level check
    // Set when an exception or attestation changed the result: what the check found, and which one.
    originalResult: text("original_result", { enum: CHECK_RESULTS }),
    overrideId: uuid("override_id"),
  },
  (table) => [uniqueIndex("check_results_snapshot_check_unique").on(table.snapshotId, table.checkId)],
);
