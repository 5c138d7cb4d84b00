// npm run bench:workflow [-- --runs 20 --warmup 1 --import-runs 5 --activities 200 --rows 2000 --seed 42]
//
// Times the heavy steps of the reporting and training workflows on an in-memory embedded database
// holding the demo (seedDemo + seedTrainingOperationsDemo): the document of a large published
// report (build, DOCX, PDF), the spreadsheet round trip (read XLSX and CSV, stage, import), the cost
// of signing in (scrypt) and of a signed-in page, and the programme page with its map. Every step
// goes through the product's own functions, or through createApp(database).request() for pages
// (in process, no network). Prints one JSON object on stdout; progress goes to stderr.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { hashPassword, verifyPassword } from '../src/accounts/passwords.ts';
import { testSession } from '../src/accounts/test-sessions.ts';
import { activities, activityAgencies, activityBeneficiaries } from '../src/activities/schema.ts';
import { refreshActivitySearch } from '../src/activities/search-index.ts';
import { agencies } from '../src/agencies/schema.ts';
import { createApp } from '../src/app.tsx';
import { type Db, openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../src/demo/training-demo.ts';
import { activityFields } from '../src/drafting/activity-form/fields.ts';
import { readActivitySpreadsheet, type SpreadsheetPreview } from '../src/drafting/spreadsheet/read.ts';
import { confirmUpload, goodRows, stageUpload } from '../src/drafting/spreadsheet/service.ts';
import { activityTemplateXlsx } from '../src/drafting/spreadsheet/template.ts';
import { loadReferenceLabels } from '../src/reference/labels.ts';
import { type PartyRecord, referenceData } from '../src/reference/reference-data.ts';
import { worldMapSvg } from '../src/reference/world-map.ts';
import { reportDocx } from '../src/reports/document/docx.ts';
import { reportPdf } from '../src/reports/document/pdf.ts';
import { buildReportDocument, loadReportDocument } from '../src/reports/document/report-document.ts';
import { reportSnapshot } from '../src/reports/document/snapshot.ts';
import { draftSource } from '../src/reports/provenance.ts';
import { reportActivities, reports } from '../src/reports/schema.ts';
import { programmeFigures } from '../src/training/programme/figures.ts';
import { percentile } from './registry-bench.ts';
import { type Cast, castOfParties, mulberry32, pick, type Random } from './synthetic-registry.ts';

export type WorkflowBenchOptions = {
  /** Timed runs of each operation. */
  runs: number;
  /** Untimed runs before, to warm caches, the JIT and the query planner. */
  warmup: number;
  /**
   * Timed runs of staging and importing the spreadsheet: seconds each (2,000 rows by default),
   * so fewer than `runs` by default. One untimed run comes first when warmup > 0.
   */
  importRuns: number;
  /** Activities in the synthetic published report. */
  activities: number;
  /** Rows in the uploaded spreadsheet (the product accepts 2,000 at most). */
  rows: number;
  seed: number;
  log?: (message: string) => void;
};

/**
 * Wall-clock percentiles, and the median CPU time of the process over the same runs: on a busy
 * machine the wall clock also counts waiting for a core, the CPU time does not. CPU time is that of
 * every thread of the process (the embedded database, scrypt on libuv's pool, V8's garbage
 * collector), so with no contention it can exceed the wall clock.
 */
export type Timing = { p50Ms: number; p95Ms: number; cpuP50Ms: number };
/** A page through app.request(): its status and size as well. */
export type PageTiming = Timing & { coldMs: number; status: number; bytes: number };

export type WorkflowBenchResult = {
  runs: number;
  warmup: number;
  importRuns: number;
  seed: number;
  setupSeconds: { migrate: number; demo: number; trainingDemo: number; report: number };
  reportDocument: {
    activities: number;
    beneficiaries: number;
    agencyLinks: number;
    /** loadReportDocument on the published report: read and check the snapshot, render it in English. */
    document: Timing;
    /** The same document drawn from the live rows (what a draft's preview and documents do). */
    documentFromRows: Timing;
    docx: Timing;
    pdf: Timing;
    docxBytes: number;
    pdfBytes: number;
  };
  spreadsheet: {
    rows: number;
    goodRows: number;
    xlsxBytes: number;
    csvBytes: number;
    /** activityTemplateXlsx: the empty template a reporter downloads. */
    template: Timing;
    readXlsx: Timing;
    readCsv: Timing;
    /** stageUpload: the preview kept in the settings table between upload and confirmation (importRuns runs). */
    stage: Timing;
    /** confirmUpload: every good row into a fresh draft, in one transaction (importRuns runs). */
    import: Timing;
  };
  signIn: {
    hashPassword: Timing;
    verifyPassword: Timing;
    /** /en/workspace with a reporter's session cookie. */
    workspacePage: PageTiming;
    /** /en/reports, anonymous. */
    reportsPage: PageTiming;
  };
  programme: {
    path: string;
    page: PageTiming;
    /** The same page as a browser gets it: Accept-Encoding br. */
    pageBrotli: PageTiming;
    worldMap: Timing & { coldMs: number; bytes: number; countries: number };
  };
  rssMb: { afterSetup: number; afterDocuments: number; afterSpreadsheet: number; end: number; peak: number };
  machine: {
    node: string;
    platform: string;
    cores: number;
    cpu: string;
    memoryGb: number;
    /** One-minute load average when the run started and ended: above the core count, others compete for the CPU. */
    loadAverage: { start: number; end: number };
  };
};

const round1 = (value: number) => Math.round(value * 10) / 10;
const seconds = (sample: Sample) => Math.round(sample.ms / 100) / 10;
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

/** One run: wall-clock time, and CPU time of this process (the embedded database runs in it too). */
type Sample = { ms: number; cpuMs: number };

/** Times `work`. */
async function timed(work: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function summary(samples: Sample[]): Timing {
  const ms = samples.map((sample) => sample.ms);
  return {
    p50Ms: round1(percentile(ms, 50)),
    p95Ms: round1(percentile(ms, 95)),
    cpuP50Ms: round1(
      percentile(
        samples.map((sample) => sample.cpuMs),
        50,
      ),
    ),
  };
}

/**
 * Runs `run` warmup + runs times; `run` returns the sample it measured itself, so that it may
 * prepare and clean up around the timed part.
 */
async function measure(warmup: number, runs: number, run: () => Promise<Sample>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run());
  return summary(samples);
}

// ---------------------------------------------------------------------------------------------
// Words for titles of about 80 characters.

const formats = [
  'Training course',
  'Regional workshop',
  'Seminar',
  'Expert advisory mission',
  'Study visit',
  'Online course',
  'Legislative assistance',
  'Examiner exchange programme',
];
const topics = [
  'patent examination',
  'trademark registration',
  'copyright and related rights',
  'geographical indications',
  'border measures against counterfeiting',
  'plant variety protection',
  'the modernization of the IP office',
  'technology transfer',
  'IP and public health',
  'traditional knowledge and genetic resources',
];
const audiences = [
  'for patent examiners',
  'for customs officials',
  'for judges and prosecutors',
  'for IP office staff',
  'for small and medium-sized enterprises',
  'for university researchers',
];
const levels = ['multilateral', 'plurilateral', 'bilateral'];
const types = ['training', 'seminar', 'expert-advice', 'legislative-assistance', 'research', 'exchange'];
const areas = ['patents', 'trademarks', 'copyright', 'enforcement', 'geographical-indications'];
const canadianAgencies = ['CIPO', 'GAC', 'RCMP', 'IDRC'];
const partnerAgencies = ['WIPO', 'WIPO-ACADEMY', 'APEC-IPEG', 'INTERPOL', 'UOTTAWA', 'CTPL', 'TFO-CANADA'];

/** A title of 70 to 90 characters. */
function title(random: Random, n: number): string {
  let text = `${pick(random, formats)} on ${pick(random, topics)} ${pick(random, audiences)}`;
  if (text.length > 90) text = `${text.slice(0, text.lastIndexOf(' ', 88))}`;
  let edition = 1;
  while (text.length < 70) text += edition++ === 1 ? `, edition ${2000 + (n % 25)}` : ' (phase II)';
  return text;
}

const description = (subject: string) =>
  `${subject}. Participants discussed the obligations of the TRIPS Agreement, shared national practice and ` +
  'prepared an action plan with the national intellectual property office.';

const sampleSize = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function distinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, new Set(items).size)) chosen.add(pick(random, items));
  return [...chosen];
}

let cast: Cast | undefined;

/** Developing and least-developed parties, the usual beneficiaries weighted up, none twice. */
function beneficiaryParties(random: Random, count: number) {
  cast ??= castOfParties();
  const picker = cast.beneficiaryPicker;
  const chosen = new Map<string, PartyRecord>();
  while (chosen.size < count) {
    const party = picker.pick(random);
    chosen.set(party.code, party);
  }
  return [...chosen.values()];
}

const isoDay = (year: number, day: number) => new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// 1. A published report of many activities, written directly (not through the drafting flow).

async function insertPublishedReport(db: Db, random: Random, count: number) {
  const agencyRows = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const agencyId = (code: string) => {
    const row = agencyRows.find((agency) => agency.code === code);
    if (!row) throw new Error(`demo agency ${code} is missing`);
    return row.id;
  };
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [report] = await tx
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        symbol: 'IP/C/R/TC/CAN/BENCH',
        originalLanguage: 'en',
        circulationDate: '2024-03-15',
        narrative: [
          'Canada continued to support developing and least-developed country Members in building sound and balanced intellectual property systems.',
          'Activities were delivered by the Canadian Intellectual Property Office and its partners, in person and online.',
          'This report lists the programmes of the period with their beneficiaries and implementing agencies.',
        ],
        status: 'published',
        source: 'workflow benchmark',
        publishedAt: new Date(),
      })
      .returning({ id: reports.id });
    if (!report) throw new Error('report insert returned nothing');

    const rows = Array.from({ length: count }, (_, n) => {
      const subject = title(random, n);
      const start = sampleSize(random, 0, 300);
      return {
        donorPartyCode: 'CAN',
        title: { en: subject },
        description: { en: description(subject) },
        originalLanguage: 'en' as const,
        startDate: isoDay(2023, start),
        startPrecision: 'day' as const,
        endDate: isoDay(2023, start + sampleSize(random, 1, 60)),
        endPrecision: 'day' as const,
        level: pick(random, levels),
        activityType: pick(random, types),
        ipAreas: distinct(random, areas, sampleSize(random, 1, 3)),
        status: 'completed' as const,
        source: 'workflow benchmark',
      };
    });
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const created = await tx
        .insert(activities)
        .values(rows.slice(i, i + 500))
        .returning({ id: activities.id });
      ids.push(...created.map((row) => row.id));
    }
    const beneficiaries = ids.flatMap((activityId) =>
      beneficiaryParties(random, sampleSize(random, 1, 15)).map((party, index) => ({
        activityId,
        position: index + 1,
        kind: 'party' as const,
        partyCode: party.code,
        nameAsWritten: party.names.en,
      })),
    );
    const links = ids.flatMap((activityId) => [
      { activityId, agencyId: agencyId(pick(random, canadianAgencies)), role: 'implementing' as const },
      ...distinct(random, partnerAgencies, sampleSize(random, 0, 2)).map((code) => ({
        activityId,
        agencyId: agencyId(code),
        role: 'partner' as const,
      })),
    ]);
    for (let i = 0; i < beneficiaries.length; i += 1000)
      await tx.insert(activityBeneficiaries).values(beneficiaries.slice(i, i + 1000));
    await tx.insert(activityAgencies).values(links);
    await tx
      .insert(reportActivities)
      .values(ids.map((activityId, n) => ({ reportId: report.id, activityId, rowNumber: n + 1 })));
    await refreshActivitySearch(tx, ids);
    // As publishReport does: the document frozen as its snapshot.
    const snapshot = await reportSnapshot(tx, report.id);
    await tx.update(reports).set({ snapshot }).where(eq(reports.id, report.id));
    return { reportId: report.id, beneficiaries: beneficiaries.length, agencyLinks: links.length };
  });
}

// ---------------------------------------------------------------------------------------------
// 2. A filled spreadsheet of activities, as a reporter sends it back.

type FieldKey = (typeof activityFields)[number]['key'];

export function spreadsheetRows(
  random: Random,
  count: number,
): Array<Partial<Record<FieldKey, string | number>>> {
  const data = referenceData();
  const label = (taxonomy: keyof typeof data.taxonomies, key: string) =>
    data.taxonomies[taxonomy].find((term) => term.key === key)?.en ?? key;
  return Array.from({ length: count }, (_, n) => {
    const subject = `${title(random, n)} #${n + 1}`;
    const start = sampleSize(random, 0, 300);
    return {
      title: subject,
      description: description(subject),
      originalLanguage: 'English',
      startDate: isoDay(2024, start),
      endDate: isoDay(2024, start + sampleSize(random, 1, 60)),
      level: label('level', pick(random, levels)),
      activityType: label('activity-type', pick(random, types)),
      ipAreas: distinct(random, areas, sampleSize(random, 1, 3))
        .map((key) => label('ip-area', key))
        .join('; '),
      // Names as reporters type them; the reader resolves each one.
      beneficiaries: beneficiaryParties(random, sampleSize(random, 1, 5))
        .map((party) => party.names.en)
        .join('; '),
      implementingAgencies: 'CIPO',
      partners: distinct(random, ['WIPO', 'University of Ottawa', 'INTERPOL'], sampleSize(random, 0, 2)).join(
        '; ',
      ),
      budgetAmount: Math.round(random() * 20_000_000) / 100,
      budgetCurrency: 'CAD',
      fundingSource: 'Donor-financed',
      deliveryMode: pick(random, ['In person', 'Online', 'Blended']),
      deliveryLanguages: 'English; French',
      website: 'https://www.ic.gc.ca/eic/site/cipointernet-internetopic.nsf/eng/home',
      contactName: 'CIPO International Affairs',
      contactEmail: 'international@example.org',
      status: 'Completed',
    };
  });
}

/** The template as downloaded, filled from row 2 on. */
export async function filledXlsx(rows: Array<Partial<Record<FieldKey, string | number>>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await activityTemplateXlsx('en', referenceData())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the template has no sheet');
  const header = sheet.getRow(1);
  const columns = activityFields.map((field) => {
    let column = 0;
    header.eachCell((cell, index) => {
      if (cell.value === field.label.en) column = index;
    });
    if (!column) throw new Error(`the template has no column "${field.label.en}"`);
    return { key: field.key, column };
  });
  rows.forEach((values, n) => {
    const row = sheet.getRow(n + 2);
    for (const { key, column } of columns) {
      const value = values[key];
      if (value !== undefined && value !== '') row.getCell(column).value = value;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function filledCsv(rows: Array<Partial<Record<FieldKey, string | number>>>): Buffer {
  const lines = [
    activityFields.map((field) => csvCell(field.label.en)).join(','),
    ...rows.map((values) => activityFields.map((field) => csvCell(values[field.key])).join(',')),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function readSpreadsheet(bytes: Buffer, fileName: string): Promise<SpreadsheetPreview> {
  const preview = await readActivitySpreadsheet(bytes, fileName, 'en', referenceData());
  if (!preview.ok) throw new Error(`${fileName} was refused: ${preview.message}`);
  return preview;
}

// ---------------------------------------------------------------------------------------------

type App = ReturnType<typeof createApp>;

async function measurePage(
  app: App,
  path: string,
  warmup: number,
  runs: number,
  headers: Record<string, string> = {},
): Promise<PageTiming> {
  let status = 0;
  let bytes = 0;
  const request = () =>
    timed(async () => {
      const response = await app.request(path, { headers });
      const body = await response.arrayBuffer();
      status = response.status;
      bytes = body.byteLength;
    });
  const coldMs = round1((await request()).ms);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  const timing = await measure(warmup, runs, request);
  return { ...timing, coldMs, status, bytes };
}

export async function runWorkflowBenchmark(options: WorkflowBenchOptions): Promise<WorkflowBenchResult> {
  const log = options.log ?? (() => {});
  const { runs, warmup } = options;
  const random = mulberry32(options.seed);
  const loadAtStart = loadavg()[0] ?? 0;
  const rss: Partial<Record<'afterSetup' | 'afterDocuments' | 'afterSpreadsheet', number>> = {};
  const database = await openDatabase({ kind: 'embedded' });
  try {
    const db = database.db;
    log('setting up: migrate, demo, training demo');
    const migrateRun = await timed(() => database.migrate());
    let demo: Awaited<ReturnType<typeof seedDemo>> | undefined;
    const demoRun = await timed(async () => {
      demo = await seedDemo(db);
    });
    const trainingRun = await timed(() => seedTrainingOperationsDemo(db));
    if (!demo) throw new Error('the demo was not loaded');
    rss.afterSetup = rssMb();

    // 1. Report documents.
    log(`report documents: a published report of ${options.activities} activities`);
    let published: Awaited<ReturnType<typeof insertPublishedReport>> | undefined;
    const reportRun = await timed(async () => {
      published = await insertPublishedReport(db, random, options.activities);
    });
    if (!published) throw new Error('the report was not written');
    const reportId = published.reportId;
    const labels = await loadReferenceLabels(db);
    const loadDocument = async () => {
      const doc = await loadReportDocument(db, reportId, 'en', labels);
      if (!doc) throw new Error(`report ${reportId} has no document`);
      return doc;
    };
    const doc = await loadDocument();
    if (doc.annex.rows.length !== options.activities) throw new Error('the document lost activities');
    const document = await measure(warmup, runs, () => timed(loadDocument));
    const documentFromRows = await measure(warmup, runs, () =>
      timed(async () => {
        const snapshot = await reportSnapshot(db, reportId);
        if (!snapshot) throw new Error('no snapshot');
        buildReportDocument(snapshot, labels, 'en');
      }),
    );
    log('report documents: DOCX');
    let docxBytes = 0;
    const docx = await measure(warmup, runs, () =>
      timed(async () => {
        docxBytes = (await reportDocx(doc)).length;
      }),
    );
    log('report documents: PDF');
    let pdfBytes = 0;
    const pdf = await measure(warmup, runs, () =>
      timed(async () => {
        pdfBytes = (await reportPdf(doc)).length;
      }),
    );

    rss.afterDocuments = rssMb();

    // 2. Spreadsheet round trip.
    log(`spreadsheet: template and ${options.rows} filled rows`);
    const template = await measure(warmup, runs, () =>
      timed(() => activityTemplateXlsx('en', referenceData())),
    );
    const values = spreadsheetRows(random, options.rows);
    const xlsx = await filledXlsx(values);
    const csv = filledCsv(values);
    const preview = await readSpreadsheet(xlsx, 'activities.xlsx');
    const good = goodRows({ preview }).length;
    const csvPreview = await readSpreadsheet(csv, 'activities.csv');
    if (preview.rows.length !== options.rows || csvPreview.rows.length !== options.rows) {
      throw new Error(`read ${preview.rows.length} (XLSX) and ${csvPreview.rows.length} (CSV) rows`);
    }
    if (good !== options.rows) {
      const first = preview.rows.find((row) => row.errors.length > 0);
      throw new Error(`${options.rows - good} rows have errors, e.g. ${JSON.stringify(first?.errors)}`);
    }
    log('spreadsheet: read XLSX');
    const readXlsx = await measure(warmup, runs, () => timed(() => readSpreadsheet(xlsx, 'activities.xlsx')));
    log('spreadsheet: read CSV');
    const readCsv = await measure(warmup, runs, () => timed(() => readSpreadsheet(csv, 'activities.csv')));

    log('spreadsheet: stage and import');
    const reporter = await testSession(db, 'bench.reporter@example.org', 'reporter', { party: 'CAN' });
    const actor = { userId: reporter.userId, label: 'bench.reporter@example.org' };
    const upload = (draftId: number) =>
      stageUpload(db, actor, {
        userId: reporter.userId,
        reportId: draftId,
        fileName: 'activities.xlsx',
        lang: 'en',
        preview: {
          format: preview.format,
          sheetName: preview.sheetName,
          rows: preview.rows,
          warnings: preview.warnings,
        },
      });
    // Each run imports into a draft of its own, removed afterwards so every run starts the same.
    let draftYear = 2040;
    const withDraft = async (work: (draft: { id: number; reportingPartyCode: string }) => Promise<void>) => {
      const year = draftYear++;
      const [draft] = await db
        .insert(reports)
        .values({
          reportingPartyCode: 'CAN',
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          originalLanguage: 'en',
          status: 'draft',
          source: draftSource,
        })
        .returning({ id: reports.id, reportingPartyCode: reports.reportingPartyCode });
      if (!draft) throw new Error('draft insert returned nothing');
      try {
        await work(draft);
      } finally {
        const listed = await db
          .select({ id: reportActivities.activityId })
          .from(reportActivities)
          .where(eq(reportActivities.reportId, draft.id));
        const ids = listed.map((row) => row.id);
        for (let i = 0; i < ids.length; i += 1000)
          await db.delete(activities).where(inArray(activities.id, ids.slice(i, i + 1000)));
        await db.delete(reports).where(eq(reports.id, draft.id));
      }
    };
    const importWarmup = Math.min(warmup, 1);
    // Staging and importing are timed in the same runs: an import needs a staged upload.
    const stageSamples: Sample[] = [];
    const importSamples: Sample[] = [];
    for (let run = 0; run < importWarmup + options.importRuns; run++) {
      await withDraft(async (draft) => {
        let uploadId = '';
        const staged = await timed(async () => {
          uploadId = await upload(draft.id);
        });
        const imported = await timed(async () => {
          const result = await confirmUpload(db, actor, uploadId, draft);
          if (!result.ok || result.activityIds.length !== good) throw new Error('the import lost rows');
        });
        if (run >= importWarmup) {
          stageSamples.push(staged);
          importSamples.push(imported);
        }
      });
    }
    const stage = summary(stageSamples);
    const importTiming = summary(importSamples);

    rss.afterSpreadsheet = rssMb();

    // 3. Sign-in cost.
    log('sign-in: scrypt and pages');
    const password = 'correct horse battery staple';
    const stored = await hashPassword(password);
    const hash = await measure(warmup, runs, () => timed(() => hashPassword(password)));
    const verify = await measure(warmup, runs, () =>
      timed(async () => {
        if (!(await verifyPassword(password, stored))) throw new Error('the password did not verify');
      }),
    );
    const app = createApp(database);
    const workspacePage = await measurePage(app, '/en/workspace', warmup, runs, { Cookie: reporter.cookie });
    const reportsPage = await measurePage(app, '/en/reports', warmup, runs);

    // 4. Programme page and its map; the map first, while no page has drawn one yet.
    log('programme: map and page');
    const figures = await programmeFigures(db, demo.programmeId);
    if (!figures) throw new Error('the demo programme has no figures');
    const highlighted = new Map(figures.byParty.map((p) => [p.partyCode, p.count]));
    let mapBytes = 0;
    const drawMap = () =>
      timed(async () => {
        mapBytes = worldMapSvg({ highlighted, lang: 'en', labels, title: 'Participants by country' }).length;
      });
    const mapColdMs = round1((await drawMap()).ms);
    const worldMap = await measure(warmup, runs, drawMap);
    const path = `/en/programmes/${demo.programmeId}`;
    const page = await measurePage(app, path, warmup, runs);
    const pageBrotli = await measurePage(app, path, warmup, runs, { 'Accept-Encoding': 'gzip, deflate, br' });

    const cpuList = cpus();
    return {
      runs,
      warmup,
      importRuns: options.importRuns,
      seed: options.seed,
      setupSeconds: {
        migrate: seconds(migrateRun),
        demo: seconds(demoRun),
        trainingDemo: seconds(trainingRun),
        report: seconds(reportRun),
      },
      reportDocument: {
        activities: options.activities,
        beneficiaries: published.beneficiaries,
        agencyLinks: published.agencyLinks,
        document,
        documentFromRows,
        docx,
        pdf,
        docxBytes,
        pdfBytes,
      },
      spreadsheet: {
        rows: options.rows,
        goodRows: good,
        xlsxBytes: xlsx.length,
        csvBytes: csv.length,
        template,
        readXlsx,
        readCsv,
        stage,
        import: importTiming,
      },
      signIn: { hashPassword: hash, verifyPassword: verify, workspacePage, reportsPage },
      programme: {
        path,
        page,
        pageBrotli,
        worldMap: { ...worldMap, coldMs: mapColdMs, bytes: mapBytes, countries: highlighted.size },
      },
      rssMb: {
        afterSetup: rss.afterSetup ?? 0,
        afterDocuments: rss.afterDocuments ?? 0,
        afterSpreadsheet: rss.afterSpreadsheet ?? 0,
        end: rssMb(),
        peak: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      machine: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cores: cpuList.length,
        cpu: cpuList[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        loadAverage: { start: round1(loadAtStart), end: round1(loadavg()[0] ?? 0) },
      },
    };
  } finally {
    await database.close();
  }
}

function parseArguments(argv: string[]): Omit<WorkflowBenchOptions, 'log'> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '1' },
      'import-runs': { type: 'string', default: '5' },
      activities: { type: 'string', default: '200' },
      rows: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '42' },
    },
  });
  const whole = (name: keyof typeof values, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new Error(`--${name} needs a whole number from ${min} to ${max}, not "${values[name]}".`);
    }
    return value;
  };
  return {
    runs: whole('runs', 1),
    warmup: whole('warmup', 0),
    importRuns: whole('import-runs', 1),
    activities: whole('activities', 1),
    // The reader refuses more rows than this.
    rows: whole('rows', 1, 2_000),
    seed: whole('seed', 0),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const result = await runWorkflowBenchmark({
      ...parseArguments(process.argv.slice(2)),
      log: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
}
