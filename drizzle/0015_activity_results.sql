CREATE TABLE "activity_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"measure" text NOT NULL,
	"origin" text NOT NULL,
	"indicator" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_results" ADD CONSTRAINT "activity_results_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_results_activity_idx" ON "activity_results" USING btree ("activity_id","position");