import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { formText, positiveId, readForm } from '../../http/request.ts';
import { type Language, languages } from '../../i18n/languages.ts';
import { counted } from '../../i18n/plural.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { atSentenceStart } from '../../reference/names-in-sentences.ts';
import { loadReportDocument } from '../../reports/document/report-document.ts';
import { canEditReport } from '../../reports/lifecycle/access.ts';
import { reportGroupings } from '../../reports/schema.ts';
import { LockedPage, reportTitle } from '../components.tsx';
import { incentiveText } from '../incentive-form/messages.ts';
import type { Grouping, ReportHeader } from '../report.ts';
import { activityIdOf, reportForRequest } from '../request-guards.tsx';
import { DraftPage } from './components.tsx';
import { type DraftMessageKey, draftText } from './messages.ts';
import { narrativeFromText } from './narrative.ts';
import {
  keepCarried,
  loadDraft,
  maxReplyLength,
  removeFromReport,
  replyToComment,
  saveNarrative,
  startRevision,
  submitReport,
} from './service.ts';
import { DocumentPreviewPage, NarrativeConflictPage } from './views.tsx';

/** Messages a redirect after a change may show (?notice=…); anything else is ignored. */
const notices = new Set<DraftMessageKey>([
  'saved',
  'activityAdded',
  'activitySaved',
  'activityRemoved',
  'activityKept',
  'replySaved',
  'submitted',
  'revisionStarted',
]);
/** Notices of the incentive forms of an Art. 66.2 draft. */
const incentiveNotices = new Set(['incentiveAdded', 'incentiveSaved', 'incentiveRemoved'] as const);
const isIncentiveNotice = (
  key: string | undefined,
): key is 'incentiveAdded' | 'incentiveSaved' | 'incentiveRemoved' =>
  (incentiveNotices as Set<string>).has(key ?? '');

/** Longest narrative accepted: far above any real report, low enough to keep rows sane. */
const maxNarrativeLength = 100_000;

/** "Canada submitted Report of Canada, 2021–2022." in every interface language. */
function submissionNotice(labels: ReferenceLabels, report: ReportHeader): Record<Language, string> {
  return Object.fromEntries(
    languages.map((lang) => [
      lang,
      draftText(lang)('notifySubmitted', {
        theParty: atSentenceStart(labels.partyIn(report.reportingPartyCode, lang, null)),
        report: reportTitle(lang, labels, report),
      }),
    ]),
  ) as Record<Language, string>;
}

/** One report's page: reading it, its narrative, taking activities off, submitting, revising, the preview. */
export function draftRoutes(db: Db, labels: () => Promise<ReferenceLabels>, reportPath: string) {
  const app = new Hono();

  app.get(reportPath, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'read');
    const draft = await loadDraft(db, report.id);
    if (!draft) throw new HTTPException(404);
    const key = c.req.query('notice') as DraftMessageKey | undefined;
    const count = Number(c.req.query('count') ?? 0);
    const notice =
      c.req.query('notice') === 'imported'
        ? counted(draftText(page.lang), page.lang, 'imported', count)
        : key && notices.has(key)
          ? draftText(page.lang)(key)
          : isIncentiveNotice(key)
            ? incentiveText(page.lang)(key)
            : undefined;
    return c.html(
      <DraftPage
        page={page}
        labels={await labels()}
        draft={draft}
        editable={canEditReport(account, report)}
        notice={notice}
      />,
    );
  });

  app.post(`${reportPath}/narrative`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const body = await readForm(c);
    const typed = formText(body, 'narrative');
    const grouping = (reportGroupings as readonly string[]).includes(formText(body, 'grouping'))
      ? (formText(body, 'grouping') as Grouping)
      : report.grouping;
    // A form without a readable version cannot prove it saw the latest text: it gets the conflict page.
    const version = Number.parseInt(formText(body, 'version'), 10) || -1;
    if (typed.length > maxNarrativeLength) {
      const draft = await loadDraft(db, report.id);
      if (!draft) throw new HTTPException(404);
      const narrativeError = draftText(page.lang)('narrativeTooLong', { max: maxNarrativeLength });
      return c.html(
        <DraftPage
          page={page}
          labels={await labels()}
          draft={{ ...draft, narrative: [typed] }}
          editable
          narrativeError={narrativeError}
        />,
        400,
      );
    }
    const result = await saveNarrative(db, actorOf(account), report.id, {
      narrative: narrativeFromText(typed),
      grouping,
      version,
    });
    if (!result) throw new HTTPException(404);
    if (!result.ok && result.reason === 'locked') {
      return c.html(<LockedPage page={page} labels={await labels()} report={result.current} />, 409);
    }
    if (!result.ok) {
      return c.html(
        <NarrativeConflictPage
          page={page}
          labels={await labels()}
          current={result.current}
          typedText={typed}
          typedGrouping={grouping}
        />,
        409,
      );
    }
    return c.redirect(`/${page.lang}/drafting/reports/${report.id}?notice=saved#narrative-title`, 303);
  });

  app.post(`${reportPath}/activities/:activityId{[0-9]+}/remove`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const removed = await removeFromReport(db, actorOf(account), report, activityIdOf(c));
    if (!removed) throw new HTTPException(404);
    if (!removed.ok) {
      return c.html(<LockedPage page={page} labels={await labels()} report={removed.current} />, 409);
    }
    return c.redirect(
      `/${page.lang}/drafting/reports/${report.id}?notice=activityRemoved#activities-title`,
      303,
    );
  });

  app.post(`${reportPath}/activities/:activityId{[0-9]+}/keep`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const kept = await keepCarried(db, actorOf(account), report, activityIdOf(c));
    if (!kept) throw new HTTPException(404);
    if (!kept.ok)
      return c.html(<LockedPage page={page} labels={await labels()} report={kept.current} />, 409);
    return c.redirect(
      `/${page.lang}/drafting/reports/${report.id}?notice=activityKept#activities-title`,
      303,
    );
  });

  app.post(`${reportPath}/comments/:commentId{[0-9]+}/reply`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const commentId = positiveId(c.req.param('commentId'));
    if (!commentId) throw new HTTPException(404);
    const reply = formText(await readForm(c), 'reply')
      .replace(/\r\n?/g, '\n')
      .trim();
    const text = draftText(page.lang);
    const problem =
      reply === ''
        ? text('replyRequired')
        : reply.length > maxReplyLength
          ? text('replyTooLong', { max: maxReplyLength })
          : null;
    if (problem) {
      const draft = await loadDraft(db, report.id);
      if (!draft?.comments.some((comment) => comment.id === commentId)) throw new HTTPException(404);
      return c.html(
        <DraftPage
          page={page}
          labels={await labels()}
          draft={draft}
          editable
          replyError={{ commentId, message: problem, value: reply }}
        />,
        400,
      );
    }
    const saved = await replyToComment(db, actorOf(account), report, commentId, reply);
    if (!saved) throw new HTTPException(404);
    if (!saved.ok)
      return c.html(<LockedPage page={page} labels={await labels()} report={saved.current} />, 409);
    return c.redirect(`/${page.lang}/drafting/reports/${report.id}?notice=replySaved`, 303);
  });

  app.post(`${reportPath}/submit`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const referenceLabels = await labels();
    const result = await submitReport(
      db,
      actorOf(account),
      report.id,
      submissionNotice(referenceLabels, report),
    );
    if (!result) throw new HTTPException(404);
    if (!result.ok && result.reason === 'locked') {
      return c.html(<LockedPage page={page} labels={referenceLabels} report={report} />, 409);
    }
    if (!result.ok) {
      const draft = await loadDraft(db, report.id);
      if (!draft) throw new HTTPException(404);
      return c.html(
        <DraftPage
          page={page}
          labels={referenceLabels}
          draft={draft}
          editable
          submitError={draftText(page.lang)('submitEmpty')}
        />,
        400,
      );
    }
    // Mail goes out after the commit; a mail server down must not undo the submission.
    result.afterCommit().catch((error: Error) => console.error(`submission mail failed: ${error.message}`));
    return c.redirect(`/${page.lang}/drafting/reports/${report.id}?notice=submitted`, 303);
  });

  app.post(`${reportPath}/revisions`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'reporter');
    const kind = formText(await readForm(c), 'kind');
    if (kind !== 'corrigendum' && kind !== 'addendum' && kind !== 'revision')
      throw new HTTPException(400, { message: 'kind' });
    if (report.status !== 'published') {
      return c.html(<LockedPage page={page} labels={await labels()} report={report} />, 409);
    }
    const revision = await startRevision(db, actorOf(account), report.id, kind);
    if (!revision) return c.html(<LockedPage page={page} labels={await labels()} report={report} />, 409);
    const notice = revision.created ? '?notice=revisionStarted' : '';
    return c.redirect(`/${page.lang}/drafting/reports/${revision.reportId}${notice}`, 303);
  });

  app.get(`${reportPath}/preview`, async (c) => {
    const page = pageContext(c);
    const { report } = await reportForRequest(c, db, labels, 'read');
    const document = await loadReportDocument(db, report.id, page.lang, await labels());
    if (!document) throw new HTTPException(404);
    return c.html(
      <DocumentPreviewPage
        page={page}
        reportId={report.id}
        document={document}
        contentLanguage={report.originalLanguage}
      />,
    );
  });

  // Form targets opened by GET (the language switcher on a page answering a POST): back to the page.
  // Form targets opened by GET (the language switcher on a page answering a POST): back to the page.
  app.get(`${reportPath}/:action{(?:narrative|submit|revisions|upload)}`, (c) =>
    c.redirect(`/${c.req.param('lang')}/drafting/reports/${c.req.param('id')}`, 303),
  );

  return app;
}
