ALTER TABLE "check_results" ADD COLUMN "original_result" text;--> statement-breakpoint
ALTER TABLE "check_results" ADD COLUMN "override_id" uuid;