import {
  advisingAgencies,
  coordinatedAgencies,
  focalPointParties,
  ownParticipantIds,
} from '../accounts/policy.ts';
import {
  countText,
  type WorkspaceCard,
  type WorkspaceEntries,
  type WorkspaceLink,
  workspaceItemLimit,
} from '../accounts/workspace-entries.ts';
import type { Db } from '../db/database.ts';
import { alumniWorkspaceEntries } from './alumni/routes.tsx';
import { localized, personName } from './components.tsx';
import { trainingText } from './messages.ts';
import { nominationStatuses } from './schema.ts';
import { advisorAttention, coordinatorAttention, focalPointAttention } from './workspace-service.ts';

/**
 * The training cards of a signed-in person's workspace, by role: a coordinator's nominations to
 * decide and open editions, an advisor's research projects to comment, a focal point's nominations;
 * then one link per role and the alumni list.
 */
export function trainingWorkspaceEntries(db: Db): WorkspaceEntries {
  return async (account, lang) => {
    const text = trainingText(lang);
    const links: WorkspaceLink[] = [];
    const cards: WorkspaceCard[] = [];
    if (coordinatedAgencies(account).length > 0) {
      const editionsLink = { href: `/${lang}/training`, label: text('editionsTitle') };
      links.push(editionsLink);
      const editions = await coordinatorAttention(db, account);
      const editionLabel = (edition: (typeof editions)[number]) =>
        `${localized(edition.programmeName, lang)} ${edition.year}`;
      const deciding = editions.filter((edition) => edition.undecided > 0);
      const undecided = deciding.reduce((sum, edition) => sum + edition.undecided, 0);
      const open = editions.filter((edition) => edition.status === 'open');
      cards.push(
        {
          title: text('workspaceToDecide'),
          count: undecided,
          countText: countText(lang, undecided, {
            one: text('workspaceToDecideOne'),
            other: text('workspaceToDecideOther'),
          }),
          needsAction: undecided > 0,
          items: deciding.slice(0, workspaceItemLimit).map((edition) => ({
            href: `/${lang}/training/editions/${edition.id}#nominations-heading`,
            label: editionLabel(edition),
            detail: countText(lang, edition.undecided, {
              one: text('workspaceToDecideOne'),
              other: text('workspaceToDecideOther'),
            }),
          })),
          link: editionsLink,
        },
        {
          title: text('workspaceOpenEditions'),
          count: open.length,
          countText: countText(lang, open.length, {
            one: text('workspaceOpenOne'),
            other: text('workspaceOpenOther'),
          }),
          needsAction: false,
          items: open.slice(0, workspaceItemLimit).map((edition) => ({
            href: `/${lang}/training/editions/${edition.id}`,
            label: editionLabel(edition),
          })),
          link: { href: editionsLink.href, label: text('workspaceAllEditions') },
        },
      );
    }
    if (focalPointParties(account).length > 0) {
      const nominationsLink = { href: `/${lang}/training/nominations`, label: text('nominationsTitle') };
      links.push(nominationsLink);
      const byStatus = await focalPointAttention(db, account);
      const waiting = byStatus.get('nominated') ?? 0;
      cards.push({
        title: text('workspaceYourNominations'),
        count: waiting,
        countText: countText(lang, waiting, {
          one: text('workspaceAwaitingDecisionOne'),
          other: text('workspaceAwaitingDecisionOther'),
        }),
        needsAction: false,
        items: nominationStatuses
          .filter((status) => status !== 'nominated' && (byStatus.get(status) ?? 0) > 0)
          .map((status) => ({
            href: nominationsLink.href,
            label: text(`nomination-${status}`),
            detail: new Intl.NumberFormat(lang).format(byStatus.get(status) ?? 0),
          })),
        link: { href: nominationsLink.href, label: text('workspaceNominate') },
      });
    }
    if (advisingAgencies(account).length > 0) {
      const advisingLink = { href: `/${lang}/training/advising`, label: text('advisingTitle') };
      links.push(advisingLink);
      const projects = await advisorAttention(db, account);
      cards.push({
        title: text('workspaceToComment'),
        count: projects.length,
        countText: countText(lang, projects.length, {
          one: text('workspaceToCommentOne'),
          other: text('workspaceToCommentOther'),
        }),
        needsAction: projects.length > 0,
        items: projects.slice(0, workspaceItemLimit).map((project) => ({
          href: `/${lang}/training/participants/${project.participantId}`,
          label: project.title,
          detail: personName(project.name, lang),
        })),
        link: advisingLink,
      });
    }
    if (ownParticipantIds(account).length > 0)
      links.push({ href: `/${lang}/training/me`, label: text('myTrainingTitle') });
    const alumni = await alumniWorkspaceEntries(account, lang);
    return { cards, links: [...links, ...alumni.links] };
  };
}
