import { type Account, accountById } from '../accounts/service.ts';
import type { TestSession } from '../accounts/test-sessions.ts';
import type { Db } from '../db/database.ts';
import { nominationFormSchema } from './nominations/forms.ts';
import { trainingEditions } from './schema.ts';

/** For tests: an edition of a programme, open for nominations unless told otherwise. */
export async function insertEdition(
  db: Db,
  programmeId: number,
  values: Partial<typeof trainingEditions.$inferInsert> = {},
): Promise<number> {
  const [row] = await db
    .insert(trainingEditions)
    .values({
      programmeId,
      year: 2028,
      startDate: '2028-10-02',
      endDate: '2028-10-06',
      venue: 'CIPO headquarters',
      venueCity: 'Gatineau',
      venuePartyCode: 'CAN',
      mode: 'in-person',
      deliveryLanguages: ['en'],
      capacity: 1,
      status: 'open',
      source: 'test',
      ...values,
    })
    .returning({ id: trainingEditions.id });
  if (!row) throw new Error('edition insert returned nothing');
  return row.id;
}

export async function accountOf(db: Db, session: TestSession): Promise<Account> {
  const account = await accountById(db, session.userId);
  if (!account) throw new Error(`no account ${session.userId}`);
  return account;
}

export const candidate = (name: string, partyCode = 'KEN') => ({
  candidateName: name,
  position: 'Deputy Director, Patents',
  office: 'Kenya Industrial Property Institute',
  partyCode,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@kipi.example`,
  phone: '+254 20 000000',
  motivation: 'Leads the modernization of patent examination.',
  gender: 'female',
  consentPublicName: 'on',
});

/** The same candidate, parsed as the service takes it. */
export const candidateInput = (name: string, partyCode = 'KEN') =>
  nominationFormSchema.parse({ ...candidate(name, partyCode), consentPublicName: true });
