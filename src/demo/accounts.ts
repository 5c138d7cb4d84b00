import { and, asc, eq, isNull } from 'drizzle-orm';
import { hashPassword, randomPassword } from '../accounts/passwords.ts';
import { users } from '../accounts/schema.ts';
import { addUser, resolveGrant } from '../accounts/service.ts';
import { systemActor } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { participants } from '../training/schema.ts';

export type DemoAccount = { email: string; role: string; scope: string; password: string };

/** One account per role, for trying the hub. Demo only: never load the demo into a real registry. */
const demoRoles: Array<{ email: string; name: string; role: string; party?: string; agency?: string }> = [
  { email: 'admin@demo.ipcoop.test', name: 'Demo administrator', role: 'admin' },
  { email: 'secretariat@demo.ipcoop.test', name: 'Demo WTO Secretariat officer', role: 'secretariat' },
  {
    email: 'reporter.canada@demo.ipcoop.test',
    name: 'Demo reporting officer (Canada)',
    role: 'reporter',
    party: 'CAN',
  },
  {
    email: 'coordinator.cipo@demo.ipcoop.test',
    name: 'Demo training coordinator (CIPO)',
    role: 'coordinator',
    agency: 'CIPO',
  },
  { email: 'advisor.cipo@demo.ipcoop.test', name: 'Demo advisor (CIPO)', role: 'advisor', agency: 'CIPO' },
  {
    email: 'focalpoint.kenya@demo.ipcoop.test',
    name: 'Demo focal point (Kenya)',
    role: 'focal-point',
    party: 'KEN',
  },
  {
    email: 'focalpoint.uganda@demo.ipcoop.test',
    name: 'Demo focal point (Uganda)',
    role: 'focal-point',
    party: 'UGA',
  },
];

const participantEmail = 'participant@demo.ipcoop.test';

/**
 * Creates the demo accounts and gives each without a password a fresh random one, returned so
 * `npm start` can print them once. Accounts that already have a password are left alone.
 */
export async function seedDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const handedOut: DemoAccount[] = [];
  const entries: Array<{
    email: string;
    name: string;
    role: string;
    scope: string;
    grantScope: Parameters<typeof resolveGrant>[2];
  }> = demoRoles.map((r) => ({
    ...r,
    scope: r.party ?? r.agency ?? '',
    grantScope: { party: r.party, agency: r.agency },
  }));
  // The participant account belongs to the first sample participant, when the training demo is loaded.
  const [sample] = await db
    .select({ id: participants.id, name: participants.name })
    .from(participants)
    .where(eq(participants.isSample, true))
    .orderBy(asc(participants.id))
    .limit(1);
  if (sample) {
    entries.push({
      email: participantEmail,
      name: `${sample.name}`,
      role: 'participant',
      scope: `participant ${sample.id}`,
      grantScope: { participantId: sample.id },
    });
  }
  for (const entry of entries) {
    const grant = await resolveGrant(db, entry.role, entry.grantScope);
    const { id } = await addUser(db, systemActor, { email: entry.email, displayName: entry.name, grant });
    const password = randomPassword();
    const updated = await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(and(eq(users.id, id), isNull(users.passwordHash)))
      .returning({ id: users.id });
    if (updated.length > 0)
      handedOut.push({ email: entry.email, role: entry.role, scope: entry.scope, password });
  }
  return handedOut;
}

export function printDemoAccounts(accounts: DemoAccount[]) {
  if (accounts.length === 0) return;
  console.log(
    '\nDemo accounts (demo data only; shown this once — `ipcoop user reset-password --email …` makes a new link):',
  );
  for (const a of accounts)
    console.log(
      `  ${a.role.padEnd(12)} ${a.email.padEnd(36)} ${a.password}${a.scope ? `  (${a.scope})` : ''}`,
    );
  console.log('');
}
