import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Who did what, when (UTC) and from where: sign-ins, denied access, rescans, exceptions, attestations.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(), // user email or "system" / "cron"
    action: text("action").notNull(), // e.g. "auth.sign_in", "scan.rescan", "exception.create"
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: text("outcome", { enum: ["success", "denied", "error"] }).notNull().default("success"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index("audit_log_at_idx").on(table.at)],
);
