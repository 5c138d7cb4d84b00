CREATE TABLE "certificate_signatories" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"organization" text NOT NULL,
	"signature_type" text,
	"signature" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "nominator_name" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "nominator_email" text;--> statement-breakpoint
ALTER TABLE "certificate_signatories" ADD CONSTRAINT "certificate_signatories_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_signatories_programme_idx" ON "certificate_signatories" USING btree ("programme_id","position");