import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { agencies } from '../agencies/schema.ts';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { parties } from '../reference/schema.ts';
import { participants } from '../training/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { userRoles } from './roles-schema.ts';
import { type Role, roles, sessions, users, userTokens } from './schema.ts';
import { clearSignInFailures } from './throttle.ts';
import { randomToken, tokenHash } from './tokens.ts';

export type RoleGrant = {
  role: Role;
  partyCode: string | null;
  agencyId: number | null;
  participantId: number | null;
};

export type Account = {
  id: number;
  email: string;
  displayName: string;
  preferredLanguage: 'en' | 'fr' | 'es';
  disabled: boolean;
  roles: RoleGrant[];
};

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Why an account change was refused; pages translate the code, the command line prints the message. */
export type AccountErrorCode =
  | 'invalidEmail'
  | 'unknownRole'
  | 'partyRequired'
  | 'unknownParty'
  | 'agencyRequired'
  | 'unknownAgency'
  | 'participantRequired'
  | 'unknownParticipant'
  | 'unknownAccount';

export class AccountError extends Error {
  constructor(
    message: string,
    readonly code: AccountErrorCode = 'unknownAccount',
  ) {
    super(message);
  }
}

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

/** The scope a role needs: reporters and focal points a party, coordinators and advisors an agency. */
export async function resolveGrant(
  db: Db,
  role: string,
  scope: { party?: string; agency?: string; participantId?: number },
): Promise<RoleGrant> {
  if (!isRole(role))
    throw new AccountError(`unknown role "${role}"; roles are ${roles.join(', ')}`, 'unknownRole');
  const grant: RoleGrant = { role, partyCode: null, agencyId: null, participantId: null };
  if (role === 'reporter' || role === 'focal-point') {
    const code = scope.party?.trim().toUpperCase();
    if (!code) throw new AccountError(`the ${role} role needs --party (e.g. CAN)`, 'partyRequired');
    const [party] = await db.select({ code: parties.code }).from(parties).where(eq(parties.code, code));
    if (!party) throw new AccountError(`no party with code ${code}`, 'unknownParty');
    grant.partyCode = party.code;
  }
  if (role === 'coordinator' || role === 'advisor') {
    const code = scope.agency?.trim().toUpperCase();
    if (!code) throw new AccountError(`the ${role} role needs --agency (e.g. CIPO)`, 'agencyRequired');
    const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
    if (!agency) throw new AccountError(`no agency with code ${code}`, 'unknownAgency');
    grant.agencyId = agency.id;
  }
  if (role === 'participant') {
    if (!scope.participantId)
      throw new AccountError('the participant role needs a participant record', 'participantRequired');
    const [participant] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.id, scope.participantId));
    if (!participant)
      throw new AccountError(`no participant record ${scope.participantId}`, 'unknownParticipant');
    grant.participantId = participant.id;
  }
  return grant;
}

/** Role grants with their ids, so one can be withdrawn. */
export async function grantsOf(db: Db, userId: number): Promise<Array<RoleGrant & { id: number }>> {
  return db
    .select({
      id: userRoles.id,
      role: userRoles.role,
      partyCode: userRoles.partyCode,
      agencyId: userRoles.agencyId,
      participantId: userRoles.participantId,
    })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.id));
}

export async function rolesOf(db: Db, userId: number): Promise<RoleGrant[]> {
  return db
    .select({
      role: userRoles.role,
      partyCode: userRoles.partyCode,
      agencyId: userRoles.agencyId,
      participantId: userRoles.participantId,
    })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.id));
}

export async function accountById(db: Db, id: number): Promise<Account | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    preferredLanguage: user.preferredLanguage,
    disabled: user.disabledAt !== null,
    roles: await rolesOf(db, user.id),
  };
}

/** Creates the account, or adds the role to an existing one with that address. */
export async function addUser(
  db: Db,
  actor: Actor,
  input: {
    email: string;
    displayName?: string;
    grant: RoleGrant;
    password?: string;
    language?: 'en' | 'fr' | 'es';
  },
): Promise<{ id: number; created: boolean }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AccountError(`"${input.email}" is not an e-mail address`, 'invalidEmail');
  return inTransaction(db, async (t) => {
    const [existing] = await t.select().from(users).where(eq(users.email, email));
    let id = existing?.id;
    if (!id) {
      const [created] = await t
        .insert(users)
        .values({
          email,
          displayName: input.displayName?.trim() || email,
          passwordHash: input.password ? await hashPassword(input.password) : null,
          preferredLanguage: input.language ?? 'en',
        })
        .returning({ id: users.id });
      id = created?.id as number;
      await recordAudit(t, actor, {
        action: 'create',
        table: 'users',
        id,
        after: { email, displayName: input.displayName },
      });
    }
    const inserted = await t
      .insert(userRoles)
      .values({ userId: id, ...input.grant })
      .onConflictDoNothing()
      .returning({ id: userRoles.id });
    if (inserted.length > 0) {
      await recordAudit(t, actor, { action: 'grant-role', table: 'users', id, after: input.grant });
    }
    return { id, created: !existing };
  });
}

export async function findUserId(db: Db, email: string): Promise<number | null> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user?.id ?? null;
}

export async function listUsers(db: Db) {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return Promise.all(
    rows.map(async (user) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      disabled: user.disabledAt !== null,
      hasPassword: user.passwordHash !== null,
      language: user.preferredLanguage,
      roles: await grantsOf(db, user.id),
    })),
  );
}

export type ListedUser = Awaited<ReturnType<typeof listUsers>>[number];

/** One account as the people pages show it, with its grants; null when unknown. */
export async function listedUser(db: Db, userId: number): Promise<ListedUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    disabled: user.disabledAt !== null,
    hasPassword: user.passwordHash !== null,
    language: user.preferredLanguage,
    roles: await grantsOf(db, user.id),
  };
}

/** Withdraws one role grant of the account; null when it has no such grant. The account stays. */
export async function withdrawRole(
  db: Db,
  actor: Actor,
  userId: number,
  grantId: number,
): Promise<RoleGrant | null> {
  return inTransaction(db, async (t) => {
    const [removed] = await t
      .delete(userRoles)
      .where(and(eq(userRoles.id, grantId), eq(userRoles.userId, userId)))
      .returning({
        role: userRoles.role,
        partyCode: userRoles.partyCode,
        agencyId: userRoles.agencyId,
        participantId: userRoles.participantId,
      });
    if (!removed) return null;
    await recordAudit(t, actor, { action: 'withdraw-role', table: 'users', id: userId, before: removed });
    return removed;
  });
}

/** Lets a disabled account sign in again (with its password, or through a new link). */
export async function enableUser(db: Db, actor: Actor, userId: number): Promise<void> {
  await inTransaction(db, async (t) => {
    await t
      .update(users)
      .set({ disabledAt: null, ...touch(users) })
      .where(eq(users.id, userId));
    await recordAudit(t, actor, { action: 'enable', table: 'users', id: userId });
  });
}

/**
 * A signed-in person changes their own password: the current one is required, and every other
 * session of the account ends (the browser that made the change stays signed in).
 */
export async function changeOwnPassword(
  db: Db,
  userId: number,
  input: { current: string; next: string; keepSession: string },
): Promise<'changed' | 'wrongPassword'> {
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!(await verifyPassword(input.current, user?.hash ?? null))) return 'wrongPassword';
  const hash = await hashPassword(input.next);
  await inTransaction(db, async (t) => {
    await t
      .update(users)
      .set({ passwordHash: hash, ...touch(users) })
      .where(eq(users.id, userId));
    await t
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, input.keepSession)));
    await recordAudit(
      t,
      { userId, label: `user:${userId}` },
      { action: 'change-password', table: 'users', id: userId },
    );
  });
  return 'changed';
}

/** Disables the account and ends its sessions at once. */
export async function disableUser(db: Db, actor: Actor, userId: number): Promise<void> {
  await inTransaction(db, async (t) => {
    await t
      .update(users)
      .set({ disabledAt: sql`now()`, ...touch(users) })
      .where(eq(users.id, userId));
    await t.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(t, actor, { action: 'disable', table: 'users', id: userId });
  });
}

const linkLifetimeHours = 72;

/** A one-time link to set a new password; earlier unused links of the account stop working. */
export async function issuePasswordLink(db: Db, actor: Actor, userId: number): Promise<string> {
  const token = randomToken();
  await inTransaction(db, async (t) => {
    await t.delete(userTokens).where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
    await t.insert(userTokens).values({
      tokenHash: tokenHash(token),
      userId,
      purpose: 'set-password',
      expiresAt: sql`now() + make_interval(hours => ${linkLifetimeHours})`,
    });
    await recordAudit(t, actor, { action: 'issue-password-link', table: 'users', id: userId });
  });
  return token;
}

/** The account a password link is for, while it is unused and unexpired. */
export async function passwordLinkUser(db: Db, token: string): Promise<number | null> {
  const [row] = await db
    .select({ userId: userTokens.userId })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash(token)),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  return row?.userId ?? null;
}

/** Sets the password through a link: the link is spent and every session of the account ends. */
export async function setPasswordWithLink(db: Db, token: string, password: string): Promise<number | null> {
  return inTransaction(db, async (t) => {
    const spent = await t
      .update(userTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(userTokens.tokenHash, tokenHash(token)),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: userTokens.userId });
    const userId = spent[0]?.userId;
    if (!userId) return null;
    const [updated] = await t
      .update(users)
      .set({ passwordHash: await hashPassword(password), ...touch(users) })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)))
      .returning({ email: users.email });
    await t.delete(sessions).where(eq(sessions.userId, userId));
    // Wrong passwords typed by someone else no longer hold the owner back.
    if (updated) await clearSignInFailures(t, updated.email);
    await recordAudit(
      t,
      { userId, label: `user:${userId}` },
      { action: 'set-password', table: 'users', id: userId },
    );
    return userId;
  });
}
