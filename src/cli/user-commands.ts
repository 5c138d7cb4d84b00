import type { Command } from 'commander';
import { mailPasswordLink, passwordLinkUrl } from '../accounts/password-links.ts';
import {
  AccountError,
  addUser,
  disableUser,
  findUserId,
  issuePasswordLink,
  listedUser,
  listUsers,
  resolveGrant,
} from '../accounts/service.ts';
import { cliActor } from '../audit/record.ts';
import type { Database } from '../db/database.ts';

type WithDatabase = <T>(work: (database: Database) => Promise<T>) => Promise<T>;

async function userIdOrFail(database: Database, email: string): Promise<number> {
  const id = await findUserId(database.db, email);
  if (!id) throw new AccountError(`no account with e-mail ${email}`);
  return id;
}

/** Prints the one-time link, and mails it too when SMTP is configured. */
async function handOutLink(email: string, token: string, language: 'en' | 'fr' | 'es') {
  console.log(`One-time link to set the password (valid 72 hours):\n${passwordLinkUrl(token, language)}`);
  const mailed = await mailPasswordLink(email, token, language);
  if (mailed) console.log(`The link was also sent to ${email}.`);
}

/** `ipcoop user …`: accounts are created and reset from the command line by whoever runs the hub. */
export function registerUserCommands(program: Command, withDatabase: WithDatabase) {
  const user = program.command('user').description('accounts and roles');

  user
    .command('add')
    .description(
      'create an account (or add a role to an existing one) and print a one-time link to set its password',
    )
    .requiredOption('--email <email>', 'e-mail address, the sign-in name')
    .requiredOption(
      '--role <role>',
      'admin, secretariat, reporter, coordinator, focal-point, advisor or participant',
    )
    .option('--party <code>', 'party code, for reporter and focal-point (e.g. CAN)')
    .option('--agency <code>', 'agency code, for coordinator and advisor (e.g. CIPO)')
    .option('--participant <id>', 'participant record id, for participant', (v) => Number(v))
    .option('--name <name>', 'display name')
    .option('--language <lang>', 'interface language for mail: en, fr or es', 'en')
    .action(
      (options: {
        email: string;
        role: string;
        party?: string;
        agency?: string;
        participant?: number;
        name?: string;
        language: string;
      }) =>
        withDatabase(async (database) => {
          const language = ['en', 'fr', 'es'].includes(options.language) ? (options.language as 'en') : 'en';
          const grant = await resolveGrant(database.db, options.role, {
            party: options.party,
            agency: options.agency,
            participantId: options.participant,
          });
          const { id, created } = await addUser(database.db, cliActor, {
            email: options.email,
            displayName: options.name,
            grant,
            language,
          });
          console.log(
            created
              ? `Account ${options.email} created with role ${options.role}.`
              : `Role ${options.role} added to ${options.email}.`,
          );
          if (created)
            await handOutLink(options.email, await issuePasswordLink(database.db, cliActor, id), language);
        }),
    );

  user
    .command('reset-password')
    .description('print a one-time link to set a new password (earlier links stop working)')
    .requiredOption('--email <email>')
    .action((options: { email: string }) =>
      withDatabase(async (database) => {
        const id = await userIdOrFail(database, options.email);
        // The link opens in the account's own language, as the people pages make it.
        const language = (await listedUser(database.db, id))?.language ?? 'en';
        await handOutLink(options.email, await issuePasswordLink(database.db, cliActor, id), language);
      }),
    );

  user
    .command('list')
    .description('list accounts with their roles')
    .action(() =>
      withDatabase(async (database) => {
        for (const account of await listUsers(database.db)) {
          const roles = account.roles
            .map((g) =>
              [
                g.role,
                g.partyCode,
                g.agencyId && `agency ${g.agencyId}`,
                g.participantId && `participant ${g.participantId}`,
              ]
                .filter(Boolean)
                .join(' '),
            )
            .join(', ');
          const state = account.disabled ? 'disabled' : account.hasPassword ? 'active' : 'no password yet';
          console.log(`${account.email}\t${account.displayName}\t${state}\t${roles}`);
        }
      }),
    );

  user
    .command('disable')
    .description('disable an account and end its sessions')
    .requiredOption('--email <email>')
    .action((options: { email: string }) =>
      withDatabase(async (database) => {
        await disableUser(database.db, cliActor, await userIdOrFail(database, options.email));
        console.log(`Account ${options.email} disabled; its sessions have ended.`);
      }),
    );
}
