CREATE TABLE "activity_search" (
	"activity_id" integer PRIMARY KEY NOT NULL,
	"donor" text NOT NULL,
	"start_date" date,
	"ip_areas" text[] NOT NULL,
	"activity_type" text,
	"level" text,
	"status" text,
	"beneficiary_codes" text[] NOT NULL,
	"region_codes" text[] NOT NULL,
	"benefits_ldc" boolean NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "activities_start_idx";--> statement-breakpoint
DROP INDEX "activities_ip_areas_idx";--> statement-breakpoint
DROP INDEX "activities_search_idx";--> statement-breakpoint
ALTER TABLE "activity_search" ADD CONSTRAINT "activity_search_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_search_vector_idx" ON "activity_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "activity_search_beneficiaries_idx" ON "activity_search" USING gin ("beneficiary_codes");--> statement-breakpoint
CREATE INDEX "activity_search_regions_idx" ON "activity_search" USING gin ("region_codes");--> statement-breakpoint
CREATE INDEX "activity_search_ip_areas_idx" ON "activity_search" USING gin ("ip_areas");--> statement-breakpoint
CREATE INDEX "activity_search_start_idx" ON "activity_search" USING btree ("start_date" DESC NULLS LAST,"activity_id");--> statement-breakpoint
CREATE INDEX "activity_search_donor_start_idx" ON "activity_search" USING btree ("donor","start_date" DESC NULLS LAST,"activity_id");--> statement-breakpoint
ALTER TABLE "activities" DROP COLUMN "search_vector";