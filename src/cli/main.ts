import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { type Config, ConfigError, config } from '../config.ts';
import { configuredDatabase, type Database, openDatabase } from '../db/database.ts';
import { registerDatabaseCommands } from './db-commands.ts';
import type { ImportCommandOptions } from './import-command.ts';
import { registerUserCommands } from './user-commands.ts';

// The server, the demo, the importer and the exporter are loaded by the command that needs them:
// `--help`, `db migrate` or `user add` then start without loading the whole app.

/** The environment is checked before anything else: a bad value stops here, one line per variable. */
function checkedSettings(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`ipcoop: ${problem}`);
    console.error('ipcoop: see docs/configuration.md');
    process.exit(1);
  }
}

const settings = checkedSettings();

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(configuredDatabase());
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

const portNumber = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
};

const program = new Command('ipcoop')
  .description(
    'The IP technical cooperation hub. Data lives in PGlite under IPCOOP_DATA_DIR (default ./data), or on the PostgreSQL server given by DATABASE_URL.',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the hub over HTTP (applies migrations first)')
  .option('-p, --port <port>', 'port to listen on (env PORT)', portNumber, settings.port)
  .option('--host <host>', 'address to listen on (env HOST)', settings.host)
  .option('--demo', 'load the demo data when the database holds no report yet', false)
  .action(async (options: { port: number; host: string; demo: boolean }) => {
    const { runServer } = await import('./server.ts');
    const database = await openDatabase(configuredDatabase());
    await runServer(database, { port: options.port, hostname: options.host, demo: options.demo });
  });

const db = program.command('db').description('database maintenance');
db.command('migrate')
  .description('apply pending migrations (schema and reference data)')
  .action(() =>
    withDatabase(async (database) => {
      console.log(`Database is up to date (${database.kind}, ${database.location}).`);
    }),
  );
db.command('seed-demo')
  .description("load the demo: Canada's 2020–2021 report and the WIPO–CIPO Executive Training Program")
  .action(() =>
    withDatabase(async (database) => {
      const { seedDemo } = await import('../demo/seed-demo.ts');
      const { seedTrainingOperationsDemo } = await import('../demo/training-demo.ts');
      const { printDemoAccounts, seedDemoAccounts } = await import('../demo/accounts.ts');
      const demo = await seedDemo(database.db);
      const training = await seedTrainingOperationsDemo(database.db);
      const { seedNeedsDemo } = await import('../demo/needs-demo.ts');
      await seedNeedsDemo(database.db);
      const { seedResultsDemo } = await import('../demo/results-demo.ts');
      await seedResultsDemo(database.db);
      const { seedIncentivesDemo } = await import('../demo/incentives-demo.ts');
      await seedIncentivesDemo(database.db);
      console.log(
        `Demo loaded: report ${demo.reportId} with ${demo.activities} programmes; programme ${demo.programmeId}, editions ${demo.editionId} and ${training.openEditionId} (open for nominations).`,
      );
      printDemoAccounts(await seedDemoAccounts(database.db));
    }),
  );

registerDatabaseCommands(db);

const importCommand = program.command('import').description('import documents');
importCommand
  .command('etrips')
  .description(
    'import e-TRIPS "view details of the document" pages saved as text: files, or folders (their .txt files, recursively); one report per file, each in its own transaction, all or nothing',
  )
  .argument('<paths...>', 'text files of e-TRIPS pages, or folders of them')
  .option('--reporter <code>', 'reporting party code, when the page does not name it (e.g. CAN)')
  .option(
    '--period <period>',
    'period when the narrative does not say it: YYYY, YYYY-YYYY, YYYY-MM/YYYY-MM or YYYY-MM-DD/YYYY-MM-DD',
  )
  .option('--dry-run', 'read and check only; store nothing', false)
  .option('--json', 'print what was read (and stored) as JSON', false)
  .option(
    '--keep-unknown',
    'store beneficiaries whose names are not recognised, flagged, instead of refusing the file',
    false,
  )
  .option(
    '--force',
    'import again files imported unchanged, and overwrite reports edited in the hub since their import',
    false,
  )
  .option('--log <file.csv>', 'write the migration log: one CSV row per file, and the same as JSON beside it')
  .option(
    '--mapping <file.csv>',
    'CSV giving files their symbol and circulation date (columns file, symbol, circulation_date)',
  )
  .action(async (paths: string[], options: ImportCommandOptions & { dryRun: boolean }) => {
    const { runImport } = await import('./import-command.ts');
    const database = options.dryRun ? null : await openDatabase(configuredDatabase());
    try {
      await database?.migrate();
      process.exitCode = await runImport(database, paths, options);
    } finally {
      await database?.close();
    }
  });

registerUserCommands(program, withDatabase);

const exportCommand = program.command('export').description('export data');
exportCommand
  .command('json')
  .description('the whole registry (reports and activities) as JSON')
  .option('-o, --out <file>', 'write to a file instead of standard output')
  .action((options: { out?: string }) =>
    withDatabase(async (database) => {
      const { exportRegistry } = await import('./export-json.ts');
      const json = JSON.stringify(await exportRegistry(database.db), null, 2);
      if (options.out) writeFileSync(options.out, json);
      else console.log(json);
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `ipcoop: the port is already in use (${(error as Error).message}); choose another with PORT or --port.`,
    );
  } else {
    console.error(`ipcoop: ${(error as Error).message}`);
    if (settings.debug) console.error(error);
  }
  process.exitCode = 1;
}
