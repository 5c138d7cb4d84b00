CREATE TABLE "need_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"need_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kinds_of_help" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"institution" text,
	"priority" text NOT NULL,
	"wished_start" text,
	"wished_end" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"party_code" text NOT NULL,
	"symbol" text,
	"document_date" text,
	"source" text NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"created_by" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_status_changes" ADD CONSTRAINT "need_status_changes_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_status_changes" ADD CONSTRAINT "need_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_assessment_id_needs_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."needs_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessments" ADD CONSTRAINT "needs_assessments_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessments" ADD CONSTRAINT "needs_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_status_changes_need_idx" ON "need_status_changes" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "needs_assessment_idx" ON "needs" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "needs_assessments_party_idx" ON "needs_assessments" USING btree ("party_code");