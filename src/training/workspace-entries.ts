import {
  advisingAgencies,
  coordinatedAgencies,
  focalPointParties,
  ownParticipantIds,
} from '../accounts/policy.ts';
import type { WorkspaceEntries, WorkspaceLink } from '../accounts/workspace-entries.ts';
import { alumniWorkspaceEntries } from './alumni/routes.tsx';
import { trainingText } from './messages.ts';

/** The training links on a signed-in person's workspace page, one per role they hold, then the alumni list. */
export const trainingWorkspaceEntries: WorkspaceEntries = (account, lang) => {
  const text = trainingText(lang);
  const links: WorkspaceLink[] = [];
  if (coordinatedAgencies(account).length > 0)
    links.push({ href: `/${lang}/training`, label: text('editionsTitle') });
  if (focalPointParties(account).length > 0)
    links.push({ href: `/${lang}/training/nominations`, label: text('nominationsTitle') });
  if (advisingAgencies(account).length > 0)
    links.push({ href: `/${lang}/training/advising`, label: text('advisingTitle') });
  if (ownParticipantIds(account).length > 0)
    links.push({ href: `/${lang}/training/me`, label: text('myTrainingTitle') });
  return [...links, ...alumniWorkspaceEntries(account, lang)];
};
