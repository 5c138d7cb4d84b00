import { integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/schema.ts';
import { parties } from '../reference/schema.ts';
import { participants } from '../training/schema.ts';
import { roles, users } from './schema.ts';

/**
 * Who may do what, and for whom: each grant scopes a role to a party, an agency or a training
 * participant record. Kept apart from the account tables so that training's tables can refer to
 * users without the two schema files importing each other.
 */
export const userRoles = pgTable(
  'user_roles',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    /** The party a reporter reports for, or a focal point speaks for. */
    partyCode: text('party_code').references(() => parties.code),
    /** The agency a coordinator or advisor works for. */
    agencyId: integer('agency_id').references(() => agencies.id),
    /** The participant record a participant account belongs to; the grant goes with the record. */
    participantId: integer('participant_id').references(() => participants.id, {
      onDelete: 'cascade',
    }),
  },
  (t) => [
    unique('user_roles_scope_key')
      .on(t.userId, t.role, t.partyCode, t.agencyId, t.participantId)
      .nullsNotDistinct(),
  ],
);
