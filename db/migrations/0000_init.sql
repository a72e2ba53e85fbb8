CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"state" text NOT NULL,
	"ou_id" text,
	"ou_path" text DEFAULT 'Root' NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner" text,
	"joined_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scan_org_evidence" (
	"scan_id" uuid PRIMARY KEY NOT NULL,
	"evidence" jsonb NOT NULL,
	"collected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"slot" text,
	"state" text DEFAULT 'queued' NOT NULL,
	"requested_by" text,
	"account_filter" jsonb,
	"as_of" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"accounts_total" integer DEFAULT 0 NOT NULL,
	"accounts_ok" integer DEFAULT 0 NOT NULL,
	"accounts_partial" integer DEFAULT 0 NOT NULL,
	"accounts_failed" integer DEFAULT 0 NOT NULL,
	"accounts_skipped" integer DEFAULT 0 NOT NULL,
	"api_calls" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "account_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scan_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"status" text NOT NULL,
	"score" real,
	"coverage" real,
	"error_code" text,
	"error_message" text,
	"evaluated_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"api_calls" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"worker" text
);
--> statement-breakpoint
CREATE TABLE "check_results" (
	"snapshot_id" bigint NOT NULL,
	"check_id" text NOT NULL,
	"item" smallint NOT NULL,
	"result" text NOT NULL,
	"severity" text NOT NULL,
	"reason" text NOT NULL,
	"resources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resources_truncated" integer DEFAULT 0 NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "item_results" (
	"snapshot_id" bigint NOT NULL,
	"item" smallint NOT NULL,
	"score" real,
	"status" text NOT NULL,
	"coverage" real NOT NULL,
	"explanation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_daily" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"score" real,
	"coverage" real,
	"red_items" smallint DEFAULT 0 NOT NULL,
	"snapshot_id" bigint NOT NULL,
	CONSTRAINT "account_daily_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "account_item_daily" (
	"account_id" text NOT NULL,
	"item" smallint NOT NULL,
	"day" date NOT NULL,
	"score" real,
	"status" text NOT NULL,
	"coverage" real NOT NULL,
	CONSTRAINT "account_item_daily_account_id_item_day_pk" PRIMARY KEY("account_id","item","day")
);
--> statement-breakpoint
CREATE TABLE "check_states" (
	"account_id" text NOT NULL,
	"check_id" text NOT NULL,
	"result" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"last_evaluated_at" timestamp with time zone NOT NULL,
	"last_snapshot_id" bigint NOT NULL,
	CONSTRAINT "check_states_account_id_check_id_pk" PRIMARY KEY("account_id","check_id")
);
--> statement-breakpoint
CREATE TABLE "latest_item_results" (
	"account_id" text NOT NULL,
	"item" smallint NOT NULL,
	"scan_id" uuid NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"score" real,
	"status" text NOT NULL,
	"coverage" real NOT NULL,
	"explanation" text NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "latest_item_results_account_id_item_pk" PRIMARY KEY("account_id","item")
);
--> statement-breakpoint
CREATE TABLE "org_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"score" real,
	"accounts_scored" integer DEFAULT 0 NOT NULL,
	"item_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"item_pass_rates" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" text NOT NULL,
	"check_id" text NOT NULL,
	"statement" text NOT NULL,
	"evidence_url" text,
	"attested_by" text NOT NULL,
	"attested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" text NOT NULL,
	"check_id" text NOT NULL,
	"resource_id" text,
	"category" text NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" text DEFAULT 'success' NOT NULL,
	"ip" text,
	"user_agent" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"email" text,
	"name" text,
	"role" text NOT NULL,
	"groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scan_org_evidence" ADD CONSTRAINT "scan_org_evidence_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_snapshots" ADD CONSTRAINT "account_snapshots_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_snapshots" ADD CONSTRAINT "account_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_snapshot_id_account_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."account_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_results" ADD CONSTRAINT "item_results_snapshot_id_account_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."account_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_daily" ADD CONSTRAINT "account_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_item_daily" ADD CONSTRAINT "account_item_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_states" ADD CONSTRAINT "check_states_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_item_results" ADD CONSTRAINT "latest_item_results_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "accounts_ou_path_idx" ON "accounts" USING btree ("ou_path");--> statement-breakpoint
CREATE UNIQUE INDEX "scans_slot_unique" ON "scans" USING btree ("slot");--> statement-breakpoint
CREATE UNIQUE INDEX "account_snapshots_scan_account_unique" ON "account_snapshots" USING btree ("scan_id","account_id");--> statement-breakpoint
CREATE INDEX "account_snapshots_account_idx" ON "account_snapshots" USING btree ("account_id","evaluated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "check_results_snapshot_check_unique" ON "check_results" USING btree ("snapshot_id","check_id");--> statement-breakpoint
CREATE UNIQUE INDEX "item_results_snapshot_item_unique" ON "item_results" USING btree ("snapshot_id","item");--> statement-breakpoint
CREATE INDEX "attestations_account_check_idx" ON "attestations" USING btree ("account_id","check_id");--> statement-breakpoint
CREATE INDEX "exceptions_account_check_idx" ON "exceptions" USING btree ("account_id","check_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_issuer_subject_unique" ON "users" USING btree ("issuer","subject");