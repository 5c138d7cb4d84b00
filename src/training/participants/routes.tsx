import { create as contentDisposition } from 'content-disposition';
import { type Context, Hono } from 'hono';
import { requireAccount, requireSignedIn } from '../../accounts/guard.ts';
import { advisingAgencies, ownParticipantIds } from '../../accounts/policy.ts';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { NotFoundError } from '../../errors.ts';
import { pageContext } from '../../http/page-context.ts';
import {
  type FieldErrors,
  fieldErrors,
  formFile,
  formText,
  idParam,
  positiveId,
  readForm,
} from '../../http/request.ts';
import { type ParticipantAccess, participantAccess, participantAccessFor } from '../access.ts';
import { erasePersonData, exportPersonData } from '../privacy.ts';
import {
  afterPost,
  type Done,
  doneNotice,
  found,
  type Labels,
  siteOrigin,
  training,
} from '../route-helpers.ts';
import { certificateOf, changeCertificateLink, issueCertificate, renderCertificate } from './certificates.ts';
import {
  commentFormSchema,
  milestoneFormSchema,
  milestoneFormValues,
  type ParticipantPageFailure,
  projectFormSchema,
  projectFormValues,
} from './forms.ts';
import { participantFile, storePresentation } from './presentation-files.ts';
import { addComment, addMilestone, projectOf, saveProject, updateMilestone } from './projects.ts';
import {
  advisedParticipants,
  advisorsFor,
  assignAdvisor,
  participantDetail,
  participantsByIds,
  setCompleted,
} from './service.ts';
import { AdvisingPage, MyTrainingPage, ParticipantPage } from './views.tsx';

const participantPath = `${training}/participants/:id{[0-9]+}`;

/** Participant records, research projects, presentations, certificates and the person's data. */
export function participantRoutes(db: Db, labels: Labels) {
  const app = new Hono();

  /** The participant page, with a notice or the form that failed. */
  const show = async (
    c: Context,
    access: ParticipantAccess,
    failure?: ParticipantPageFailure,
    status: 200 | 400 | 409 | 413 = 200,
  ) => {
    const page = pageContext(c);
    return c.html(
      <ParticipantPage
        page={page}
        labels={await labels()}
        access={access}
        detail={await participantDetail(db, access.participant)}
        advisors={access.asCoordinator ? await advisorsFor(db, access.programme.id) : []}
        notice={status === 200 ? doneNotice(c, page.lang) : undefined}
        failure={failure}
        origin={siteOrigin(c)}
      />,
      status,
    );
  };
  const back = (c: Context, access: ParticipantAccess, done: Done) =>
    afterPost(c, `/${pageContext(c).lang}/training/participants/${access.participant.id}`, done);
  const signedInAccount = (c: Context) => requireSignedIn(c).account;

  app.get(`${training}/advising`, async (c) => {
    const account = requireAccount(c, (a) => advisingAgencies(a).length > 0);
    return c.html(
      <AdvisingPage
        page={pageContext(c)}
        labels={await labels()}
        rows={await advisedParticipants(db, account)}
      />,
    );
  });

  app.get(`${training}/me`, async (c) => {
    const account = requireAccount(c, (a) => ownParticipantIds(a).length > 0);
    const rows = await participantsByIds(db, ownParticipantIds(account));
    return c.html(<MyTrainingPage page={pageContext(c)} labels={await labels()} rows={rows} />);
  });

  app.get(participantPath, async (c) => show(c, await participantAccess(db, signedInAccount(c), idParam(c))));

  app.post(`${participantPath}/advisor`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    const value = formText(await readForm(c), 'advisorId');
    const advisorId = value ? positiveId(value) : null;
    const ok =
      (value === '' || advisorId !== null) &&
      (await assignAdvisor(db, account, access.participant, access.programme.id, advisorId));
    if (!ok) return show(c, access, { form: 'advisor', errors: { advisorId: 'unknownAdvisor' } }, 400);
    return back(c, access, 'advisorAssigned');
  });

  app.post(`${participantPath}/project`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    const values = projectFormValues(await readForm(c));
    const parsed = projectFormSchema.safeParse(values);
    if (!parsed.success)
      return show(c, access, { form: 'project', errors: fieldErrors(parsed.error), values }, 400);
    await saveProject(db, account, access.participant.id, parsed.data);
    return back(c, access, 'projectSaved');
  });

  app.post(`${participantPath}/milestones`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    const project = found(await projectOf(db, access.participant.id), 'project');
    const values = milestoneFormValues(await readForm(c));
    const parsed = milestoneFormSchema.safeParse(values);
    if (!parsed.success)
      return show(c, access, { form: 'milestone-new', errors: fieldErrors(parsed.error), values }, 400);
    await addMilestone(db, account, project.id, parsed.data);
    return back(c, access, 'milestoneSaved');
  });

  app.post(`${participantPath}/milestones/:milestone{[0-9]+}`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator || a.asAdvisor);
    const project = found(await projectOf(db, access.participant.id), 'project');
    const milestoneId = idParam(c, 'milestone');
    const values = milestoneFormValues(await readForm(c));
    const parsed = milestoneFormSchema.safeParse(values);
    if (!parsed.success)
      return show(
        c,
        access,
        { form: `milestone-${milestoneId}`, errors: fieldErrors(parsed.error), values },
        400,
      );
    if (!(await updateMilestone(db, account, project.id, milestoneId, parsed.data)))
      throw new NotFoundError('milestone');
    return back(c, access, 'milestoneSaved');
  });

  app.post(`${participantPath}/comments`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccess(db, account, idParam(c));
    const project = found(await projectOf(db, access.participant.id), 'project');
    const parsed = commentFormSchema.safeParse({ body: formText(await readForm(c), 'body') });
    if (!parsed.success) return show(c, access, { form: 'comment', errors: fieldErrors(parsed.error) }, 400);
    await addComment(db, account, project.id, parsed.data.body);
    return back(c, access, 'commented');
  });

  app.post(`${participantPath}/presentation`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asSelf || a.asCoordinator);
    const outcome = await storePresentation(
      db,
      account,
      access.participant.id,
      formFile(await readForm(c), 'file'),
    );
    if (!outcome.ok) {
      const errors: FieldErrors = { file: outcome.reason };
      return show(c, access, { form: 'presentation', errors }, outcome.reason === 'fileTooLarge' ? 413 : 400);
    }
    return back(c, access, 'uploaded');
  });

  // Files are only ever downloaded, never shown inline: an uploaded file cannot run in our origin.
  app.get(`${participantPath}/files/:file{[0-9]+}`, async (c) => {
    const access = await participantAccess(db, signedInAccount(c), idParam(c));
    const file = found(await participantFile(db, access.participant.id, idParam(c, 'file')), 'file');
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });

  app.post(`${participantPath}/completion`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    const completed = formText(await readForm(c), 'completed') === '1';
    if (!(await setCompleted(db, account, access.participant, completed)))
      return show(c, access, { form: 'completion', errors: { completed: 'certificateIssuedAlready' } }, 409);
    return back(c, access, completed ? 'completed' : 'reopened');
  });

  app.post(`${participantPath}/certificate`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    const outcome = await issueCertificate(db, account, access);
    if (!outcome.ok)
      return show(
        c,
        access,
        { form: 'certificate', errors: { certificate: 'certificateNeedsCompletion' } },
        409,
      );
    return back(c, access, 'certificateIssued');
  });

  // The certificate's public link: its holder (or a coordinator) revokes it, or replaces it.
  app.post(`${participantPath}/certificate/:change{(?:revoke|reissue)}`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asSelf || a.asCoordinator);
    const change = c.req.param('change') === 'revoke' ? 'revoke' : 'reissue';
    const outcome = found(
      await changeCertificateLink(db, account, access.participant.id, change),
      'certificate',
    );
    return back(c, access, outcome === 'revoked' ? 'linkRevoked' : 'linkReissued');
  });

  app.get(`${participantPath}/certificate.pdf`, async (c) => {
    const page = pageContext(c);
    const access = await participantAccess(db, signedInAccount(c), idParam(c));
    const certificate = await certificateOf(db, access.participant.id);
    if (!certificate || certificate.revokedAt || !access.participant.completedAt)
      throw new NotFoundError('certificate');
    const pdf = await renderCertificate(db, access, certificate, await labels(), page.lang, siteOrigin(c));
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="certificate-${access.participant.id}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });

  app.get(`${participantPath}/export.json`, async (c) => {
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    const data = found(await exportPersonData(db, access.participant.id, actorOf(account)), 'participant');
    return c.json(data, 200, {
      'Content-Disposition': `attachment; filename="participant-${access.participant.id}.json"`,
      'Cache-Control': 'private, no-store',
    });
  });

  app.post(`${participantPath}/erase`, async (c) => {
    const page = pageContext(c);
    const account = signedInAccount(c);
    const access = await participantAccessFor(db, account, idParam(c), (a) => a.asCoordinator);
    if (formText(await readForm(c), 'confirm') !== 'yes')
      return show(c, access, { form: 'erase', errors: { confirm: 'eraseConfirmRequired' } }, 400);
    await erasePersonData(db, actorOf(account), access.participant.id);
    return afterPost(c, `/${page.lang}/training/editions/${access.edition.id}`, 'erased');
  });

  return app;
}
