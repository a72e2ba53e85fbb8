import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Installation-wide values generated once, e.g. the salt of the hashes that stand in for secret values.
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
