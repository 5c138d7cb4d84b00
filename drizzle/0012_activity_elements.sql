CREATE TABLE "activity_elements" (
	"activity_id" integer NOT NULL,
	"element" text NOT NULL,
	"state" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_elements_activity_id_element_pk" PRIMARY KEY("activity_id","element")
);
--> statement-breakpoint
ALTER TABLE "activity_search" ADD COLUMN "elements" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_elements" ADD CONSTRAINT "activity_elements_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_elements_element_idx" ON "activity_elements" USING btree ("element","activity_id");--> statement-breakpoint
CREATE INDEX "activity_search_elements_idx" ON "activity_search" USING gin ("elements");