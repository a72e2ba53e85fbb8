CREATE TABLE "owner_daily" (
	"owner" text NOT NULL,
	"day" date NOT NULL,
	"item" smallint NOT NULL,
	"score_sum" double precision NOT NULL,
	"scored" integer NOT NULL,
	"green" integer NOT NULL,
	"rated" integer NOT NULL,
	CONSTRAINT "owner_daily_owner_day_item_pk" PRIMARY KEY("owner","day","item")
);--> statement-breakpoint
-- Backfill from the existing account rollups (db/store/owner-rollup.ts writes the same rows from now on).
INSERT INTO "owner_daily" ("owner", "day", "item", "score_sum", "scored", "green", "rated")
SELECT lower(a.owner), d.day, 0, coalesce(sum(d.score::float8), 0), count(d.score), 0, 0
FROM "account_daily" d JOIN "accounts" a ON a.id = d.account_id
WHERE a.owner IS NOT NULL
GROUP BY lower(a.owner), d.day
UNION ALL
SELECT lower(a.owner), d.day, d.item, coalesce(sum(d.score::float8), 0), count(d.score),
       count(*) FILTER (WHERE d.status = 'green'), count(*) FILTER (WHERE d.status <> 'grey')
FROM "account_item_daily" d JOIN "accounts" a ON a.id = d.account_id
WHERE a.owner IS NOT NULL
GROUP BY lower(a.owner), d.day, d.item;
