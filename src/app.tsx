import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { csrfMiddleware } from './accounts/csrf-middleware.ts';
import { sessionMiddleware } from './accounts/session-middleware.ts';
import type { WorkspaceEntries } from './accounts/workspace-entries.ts';
import { keepMatchIndex } from './activities/match-index/live-index.ts';
import { activityPages } from './activities/pages.tsx';
import { activityRoutes } from './activities/routes.ts';
import { apiDocsRoutes } from './api-docs/routes.tsx';
import { auditRoutes } from './audit/routes.tsx';
import type { Database } from './db/database.ts';
import { draftingRoutes, draftingWorkspaceEntries } from './drafting/routes.tsx';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { configuredDownloadCache, type DownloadCache } from './exports/download-cache.ts';
import { feedRoutes } from './feeds/routes.ts';
import { homeRoutes } from './home/routes.tsx';
import { compressResponses } from './http/compression.ts';
import {
  ErrorPage,
  ForbiddenPage,
  FormExpiredPage,
  NotFoundPage,
  TooLargePage,
} from './http/error-pages.tsx';
import { cachedFor } from './http/kept-answers.ts';
import { pageContext } from './http/page-context.ts';
import { incentiveGatewayRoutes } from './incentives/routes.tsx';
import { matchingSections } from './matching/sections.tsx';
import { needsRoutes, needsWorkspaceEntries } from './needs/routes.tsx';
import { offersRoutes, offersWorkspaceEntries } from './offers/routes.tsx';
import { type OperationsSettings, operationsSettings } from './operations/environment.ts';
import { createMetrics } from './operations/metrics.ts';
import { limitPublicForms, readableForms } from './operations/request-guards.tsx';
import {
  databaseUnavailable,
  logRequestError,
  operationsRoutes,
  type Readiness,
  requestIdOf,
  requestLog,
} from './operations/routes.tsx';
import { partyRoutes } from './parties/routes.tsx';
import { programmeRoutes } from './programmes/routes.tsx';
import { loadReferenceLabels } from './reference/labels.ts';
import { reportDocumentRoutes } from './reports/document/routes.tsx';
import { canReadReportDraft } from './reports/lifecycle/access.ts';
import { reportRoutes } from './reports/routes.tsx';
import { reviewRoutes, reviewWorkspaceEntries } from './review/routes.tsx';
import { searchRoutes } from './search/routes.tsx';
import { trainingRoutes, trainingWorkspaceEntries } from './training/routes.tsx';
import { accountRoutes } from './workspace/routes.tsx';

const siteCss = readFileSync(new URL('./http/static/site.css', import.meta.url), 'utf8');

/** The largest request body accepted, whatever the route: above the 10 MB upload limit, so uploads get their own message. */
export const maxRequestBytes = 12 * 1024 * 1024;

export type AppOptions = {
  settings?: OperationsSettings;
  /** Set false by the server while it drains, so /readyz sends traffic elsewhere. */
  readiness?: Readiness;
  /** Where finished downloads are kept; by default as configured (none for an in-memory database). */
  downloads?: DownloadCache | null;
};

export function createApp(database: Database, options: AppOptions = {}) {
  const app = new Hono();
  const settings = options.settings ?? operationsSettings();
  const metrics = settings.metrics.enabled ? createMetrics(() => database.poolStats()) : null;
  app.use(requestLog(metrics));
  // Reference labels change only with a migration: loaded on first use, kept for the process.
  const labels = cachedFor(Number.POSITIVE_INFINITY, () => loadReferenceLabels(database.db));
  // Searches are answered from memory once this is built; PostgreSQL answers until then.
  void keepMatchIndex(database.db);
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  app.use(compressResponses());
  // Weak: the same resource is sent brotli, gzip or plain, byte-different but equivalent.
  // SHA-1 in process, at once: WebCrypto's digest would hop to the thread pool for every page.
  app.use(
    etag({
      weak: true,
      generateDigest: (body) => Uint8Array.from(createHash('sha1').update(body).digest()).buffer,
    }),
  );
  // Pages and data change when reports are published: a minute of caching, then revalidation by ETag.
  app.use(async (c, next) => {
    await next();
    if (c.req.method === 'GET' && c.res.status === 200 && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', 'public, max-age=60, must-revalidate');
    }
  });
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));
  // No request body may exceed this; upload routes check their own, smaller limits too. GET and
  // HEAD bodies are never read (Node discards them): asking for one would build a whole Fetch
  // Request, with its streams and abort signal, for every page view.
  const limitBody = bodyLimit({
    maxSize: maxRequestBytes,
    onError: (c) => c.html(<TooLargePage page={pageContext(c)} limit="12 MB" />, 413),
  });
  app.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  app.use(limitPublicForms(database.db));
  app.use(readableForms());
  app.use(sessionMiddleware(database.db));
  app.use(csrfMiddleware((c) => c.html(<FormExpiredPage page={pageContext(c)} />, 403)));

  app.route('/', operationsRoutes(database, settings, metrics, options.readiness ?? { ready: true }));

  app.get('/static/site.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(siteCss, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // Browsers ask for it even on JSON responses; answering spares a 404 in every console.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));

  // What each feature offers a signed-in person on their workspace page.
  const workspaceEntries: WorkspaceEntries[] = [
    draftingWorkspaceEntries(database.db, labels),
    reviewWorkspaceEntries(database.db, labels),
    trainingWorkspaceEntries(database.db),
    needsWorkspaceEntries(database.db, labels),
    offersWorkspaceEntries(database.db),
  ];
  app.route('/', draftingRoutes(database.db, labels));
  app.route('/', trainingRoutes(database.db, labels));
  app.route('/', accountRoutes(database.db, labels, workspaceEntries));
  app.route('/', homeRoutes(database.db, labels));
  // A draft's document: its party's reporters, and the Secretariat once it is handed over.
  app.route(
    '/',
    reportDocumentRoutes(database.db, labels, {
      canReadDraft: async (c, report) => canReadReportDraft(c.get('signedIn')?.account, report),
    }),
  );
  app.route('/', feedRoutes(database.db, labels));
  app.route('/', reportRoutes(database.db, labels));
  app.route('/', partyRoutes(database.db, labels));
  app.route('/', programmeRoutes(database.db, labels));
  app.route('/', activityPages(database.db, labels));
  app.route('/', incentiveGatewayRoutes(database.db, labels));
  // The matching's sections on the pages of needs and offers, handed to them so neither depends on it.
  const matching = matchingSections(database.db, labels);
  app.route('/', needsRoutes(database.db, labels, matching.forNeed));
  app.route('/', offersRoutes(database.db, labels, matching));
  const downloads =
    options.downloads === undefined ? configuredDownloadCache(database.location) : options.downloads;
  app.route('/', activityRoutes(database.db, labels, downloads));
  app.route('/', searchRoutes(database.db, labels));
  app.route('/', apiDocsRoutes());
  app.route('/', reviewRoutes(database.db, labels));
  app.route('/', auditRoutes(database.db));

  // Pages outside /en|fr|es/ answer in the language the browser asks for.
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json({ status: 404, detail: `Nothing at ${c.req.path}.` }, 404);
    return c.html(<NotFoundPage page={pageContext(c)} />, 404);
  });
  app.onError((error, c) => {
    // Services raise domain errors; here they become the 404 and 403 pages.
    if (error instanceof NotFoundError) return c.html(<NotFoundPage page={pageContext(c)} />, 404);
    if (error instanceof ForbiddenError) return c.html(<ForbiddenPage page={pageContext(c)} />, 403);
    if (error instanceof HTTPException) {
      if (error.status === 403) return c.html(<ForbiddenPage page={pageContext(c)} />, 403);
      if (error.status === 404) return c.html(<NotFoundPage page={pageContext(c)} />, 404);
      return error.getResponse();
    }
    if (logRequestError(error) === 'database-unavailable') return databaseUnavailable(c);
    const reference = requestIdOf(c);
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        { status: 500, detail: 'Something went wrong on our side; the error has been logged.', reference },
        500,
      );
    }
    return c.html(<ErrorPage page={pageContext(c)} reference={reference} />, 500);
  });
  return app;
}
