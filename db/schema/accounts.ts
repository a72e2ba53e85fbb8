import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// One row per AWS account ever discovered in the organisation; refreshed by every scan's discovery.
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(), // 12-digit AWS account id
    name: text("name").notNull(),
    email: text("email").notNull(), // root email from Organizations ListAccounts
    state: text("state").notNull(), // Organizations Account.State: ACTIVE | SUSPENDED | PENDING_CLOSURE | CLOSED …
    ouId: text("ou_id"),
    ouPath: text("ou_path").notNull().default("Root"),
    tags: jsonb("tags").$type<Record<string, string>>().notNull().default({}),
    owner: text("owner"), // value of the configured owner tag
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }), // no longer listed by Organizations
  },
  (table) => [index("accounts_owner_idx").on(table.owner), index("accounts_ou_path_idx").on(table.ouPath)],
);
