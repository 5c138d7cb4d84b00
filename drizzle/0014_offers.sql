CREATE TABLE "offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"donor_party_code" text,
	"agency_id" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"ip_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kinds_of_help" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible_parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible_regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" text,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_donor_party_code_parties_code_fk" FOREIGN KEY ("donor_party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_status_idx" ON "offers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "offers_donor_idx" ON "offers" USING btree ("donor_party_code");