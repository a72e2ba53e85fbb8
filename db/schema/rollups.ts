import { date, doublePrecision, integer, pgTable, primaryKey, real, smallint, text, timestamp, uuid, bigint, jsonb } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { ITEM_STATUSES, CHECK_RESULTS } from "./snapshots";

// Rollups are written in the same transaction as the snapshot, so pages and year-long trends read
// small tables instead of scanning raw check results.

// The latest good result per account and item: what the scorecards and the heatmap show.
export const latestItemResults = pgTable(
  "latest_item_results",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    item: smallint("item").notNull(),
    scanId: uuid("scan_id").notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    score: real("score"),
    status: text("status", { enum: ITEM_STATUSES }).notNull(),
    coverage: real("coverage").notNull(),
    explanation: text("explanation").notNull(),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.item] })],
);

// Per account and check: the current result and since when it has held ("first seen failing").
export const checkStates = pgTable(
  "check_states",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    checkId: text("check_id").notNull(),
    result: text("result", { enum: CHECK_RESULTS }).notNull(),
    since: timestamp("since", { withTimezone: true }).notNull(),
    lastEvaluatedAt: timestamp("last_evaluated_at", { withTimezone: true }).notNull(),
    lastSnapshotId: bigint("last_snapshot_id", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.checkId] })],
);

// Account score per day (the last scan of the day wins).
export const accountDaily = pgTable(
  "account_daily",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    day: date("day", { mode: "string" }).notNull(),
    score: real("score"),
    coverage: real("coverage"),
    redItems: smallint("red_items").notNull().default(0),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.day] })],
);

// Item score per account per day.
export const accountItemDaily = pgTable(
  "account_item_daily",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    item: smallint("item").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    score: real("score"),
    status: text("status", { enum: ITEM_STATUSES }).notNull(),
    coverage: real("coverage").notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.item, table.day] })],
);

// Organisation score per day, recomputed from account_daily whenever an account of that day changes.
export const orgDaily = pgTable("org_daily", {
  day: date("day", { mode: "string" }).primaryKey(),
  score: real("score"),
  accountsScored: integer("accounts_scored").notNull().default(0),
  itemScores: jsonb("item_scores").$type<Record<string, number | null>>().notNull().default({}),
  itemPassRates: jsonb("item_pass_rates").$type<Record<string, number | null>>().notNull().default({}),
});

/**
 * One owner's day (the owner tag's value, lower-cased, as owner viewers are scoped): sums and counts over
 * their accounts, so an owner's trend is a range read like org_daily, and several owner values add up.
 * Item 0 is the account score; items 1–10 also count green and rated (non-grey) accounts for the pass
 * rate. Same rows as aggregating account_daily / account_item_daily live over the owner's current
 * accounts (lib/db/trends.ts): kept per day at each scan's end, rebuilt when an account changes owner.
 */
export const ownerDaily = pgTable(
  "owner_daily",
  {
    owner: text("owner").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    item: smallint("item").notNull(),
    scoreSum: doublePrecision("score_sum").notNull(),
    scored: integer("scored").notNull(),
    green: integer("green").notNull(),
    rated: integer("rated").notNull(),
  },
  (table) => [primaryKey({ columns: [table.owner, table.day, table.item] })],
);
