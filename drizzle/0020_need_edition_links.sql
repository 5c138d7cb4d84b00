CREATE TABLE "need_edition_links" (
	"need_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"linked_by" integer,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_edition_links_need_id_edition_id_pk" PRIMARY KEY("need_id","edition_id")
);
--> statement-breakpoint
ALTER TABLE "need_edition_links" ADD CONSTRAINT "need_edition_links_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_edition_links" ADD CONSTRAINT "need_edition_links_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_edition_links" ADD CONSTRAINT "need_edition_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_edition_links_edition_idx" ON "need_edition_links" USING btree ("edition_id");