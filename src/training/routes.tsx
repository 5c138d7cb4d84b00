import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { alumniRoutes } from './alumni/routes.tsx';
import { editionRoutes } from './editions/routes.tsx';
import { publicNominationRoutes } from './nominations/public-routes.tsx';
import { nominationRoutes } from './nominations/routes.tsx';
import { participantRoutes } from './participants/routes.tsx';
import { signatoryRoutes } from './programme/signatory-routes.tsx';
import type { Labels } from './route-helpers.ts';

export { trainingWorkspaceEntries } from './workspace-entries.ts';

/**
 * Running training editions inside the hub, under /{lang}/training/… (every route checks the
 * account server-side), plus the public nomination form under /{lang}/programmes/editions/:id/nominate.
 * Each room mounts its own routes: editions (with agenda and selection), nominations, participants
 * (with projects, presentations and certificates) and alumni.
 */
export function trainingRoutes(db: Db, labels: Labels) {
  const app = new Hono();
  app.route('/', editionRoutes(db, labels));
  app.route('/', nominationRoutes(db, labels));
  app.route('/', participantRoutes(db, labels));
  app.route('/', publicNominationRoutes(db, labels));
  app.route('/', alumniRoutes(db, labels));
  app.route('/', signatoryRoutes(db));
  return app;
}
