import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { EXCEPTION_CATEGORIES } from "../../lib/workflow/categories";
import { accounts } from "./accounts";

export { EXCEPTION_CATEGORIES };

// Risk acceptance on a failing check of one account, optionally narrowed to one resource. Always expires.
export const exceptions = pgTable(
  "exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    checkId: text("check_id").notNull(),
    resourceId: text("resource_id"),
    category: text("category", { enum: EXCEPTION_CATEGORIES }).notNull(),
    reason: text("reason").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("exceptions_account_check_idx").on(table.accountId, table.checkId)],
);

// An owner's statement that a manual (★) check holds, valid until it expires.
export const attestations = pgTable(
  "attestations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    checkId: text("check_id").notNull(),
    statement: text("statement").notNull(),
    evidenceUrl: text("evidence_url"),
    attestedBy: text("attested_by").notNull(),
    attestedAt: timestamp("attested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedBy: text("revoked_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("attestations_account_check_idx").on(table.accountId, table.checkId)],
);
