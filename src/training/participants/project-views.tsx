import { DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { ParticipantAccess } from '../access.ts';
import { DateTime, errorMessage, fieldErrorOf } from '../components.tsx';
import { trainingText } from '../messages.ts';
import { projectStatuses } from '../schema.ts';
import type { ParticipantPageFailure } from './forms.ts';
import { participantsText } from './messages.ts';
import type { ParticipantDetail } from './service.ts';

type Props = {
  page: PageContext;
  base: string;
  access: ParticipantAccess;
  detail: ParticipantDetail;
  failure?: ParticipantPageFailure | undefined;
};

/** Research project, milestones and the conversation about them. */
export function ProjectSection(props: Props) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const shared = trainingText(lang);
  const { project, milestones, comments } = props.detail;
  const { asCoordinator, asAdvisor } = props.access;
  const failed = (form: string) => (props.failure?.form === form ? props.failure : undefined);
  const projectFailure = failed('project');
  const projectValues = projectFailure?.values ?? {
    title: project?.title ?? '',
    plan: project?.plan ?? '',
    status: project?.status ?? 'proposed',
  };
  return (
    <section aria-labelledby="project-heading">
      <h2 id="project-heading">{text('projectHeading')}</h2>
      {project ? (
        <>
          <h3>{project.title}</h3>
          <p>{text('projectStatus', { status: text(`project-${project.status}`) })}</p>
          {project.plan ? <p class="plan">{project.plan}</p> : null}
        </>
      ) : (
        <p>{text('noProject')}</p>
      )}
      {asCoordinator ? (
        <details open={!!projectFailure || !project}>
          <summary>{project ? text('editProject') : text('createProject')}</summary>
          <form method="post" action={`${props.base}/project`} class="stacked" novalidate>
            <CsrfField page={props.page} />
            <TextField
              error={errorMessage(lang, projectFailure?.errors.title, text)}
              id="project-title"
              name="title"
              label={text('fieldProjectTitle')}
              value={projectValues.title ?? ''}
              required
            />
            <TextArea
              error={errorMessage(lang, projectFailure?.errors.plan, text)}
              id="project-plan"
              name="plan"
              label={text('fieldPlan')}
              value={projectValues.plan ?? ''}
              rows={6}
            />
            <SelectField
              error={errorMessage(lang, projectFailure?.errors.status, text)}
              id="project-status"
              name="status"
              label={shared('colStatus')}
              value={projectValues.status ?? 'proposed'}
              options={projectStatuses.map((s) => ({ value: s, label: text(`project-${s}`) }))}
            />
            <button type="submit">{text('saveProject')}</button>
          </form>
        </details>
      ) : null}
      {project ? (
        <>
          <h3>{text('milestonesHeading')}</h3>
          {milestones.length === 0 ? <p>{text('noMilestones')}</p> : null}
          <ul>
            {milestones.map((m) => {
              const mFailure = failed(`milestone-${m.id}`);
              const values = mFailure?.values ?? { title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ?? '' };
              return (
                <li>
                  {m.title} — {text('due', { date: formatDate(lang, m.dueOn) ?? '' })}
                  {m.doneOn ? ` · ${text('done', { date: formatDate(lang, m.doneOn) ?? '' })}` : ''}
                  {asCoordinator || asAdvisor ? (
                    <details open={!!mFailure}>
                      <summary>{text('editMilestone', { title: m.title })}</summary>
                      <form
                        method="post"
                        action={`${props.base}/milestones/${m.id}`}
                        class="stacked"
                        novalidate
                      >
                        <CsrfField page={props.page} />
                        <MilestoneFields
                          page={props.page}
                          prefix={`m${m.id}-`}
                          values={values}
                          errors={mFailure?.errors}
                        />
                        <button type="submit">{shared('save')}</button>
                      </form>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {asCoordinator ? (
            <details open={!!failed('milestone-new')}>
              <summary>{text('addMilestone')}</summary>
              <form method="post" action={`${props.base}/milestones`} class="stacked" novalidate>
                <CsrfField page={props.page} />
                <MilestoneFields
                  page={props.page}
                  prefix="m-new-"
                  values={failed('milestone-new')?.values ?? {}}
                  errors={failed('milestone-new')?.errors}
                />
                <button type="submit">{text('addMilestone')}</button>
              </form>
            </details>
          ) : null}
          <h3>{text('commentsHeading')}</h3>
          {comments.length === 0 ? <p>{text('noComments')}</p> : null}
          <ul class="comments">
            {comments.map((comment) => (
              <li>
                <strong>{comment.author ?? '—'}</strong> (<DateTime lang={lang} value={comment.createdAt} />
                ): {comment.body}
              </li>
            ))}
          </ul>
          <form method="post" action={`${props.base}/comments`} class="stacked" novalidate>
            <CsrfField page={props.page} />
            <ErrorSummary
              page={props.page}
              items={failed('comment') ? [{ message: text('commentRequired'), target: 'comment-body' }] : []}
            />
            <TextArea
              error={errorMessage(lang, failed('comment')?.errors.body, text)}
              id="comment-body"
              name="body"
              label={text('fieldComment')}
              value=""
              rows={3}
              required
            />
            <button type="submit">{text('addComment')}</button>
          </form>
        </>
      ) : null}
    </section>
  );
}

function MilestoneFields(props: {
  page: PageContext;
  prefix: string;
  values: Record<string, string>;
  errors?: Record<string, string> | undefined;
}) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const err = fieldErrorOf(lang, props.errors, text);
  return (
    <>
      <TextField
        name="title"
        error={err('title')}
        id={`${props.prefix}title`}
        label={text('fieldMilestoneTitle')}
        value={props.values.title ?? ''}
        required
      />
      <DateField
        name="dueOn"
        error={err('dueOn')}
        id={`${props.prefix}dueOn`}
        lang={lang}
        precision="day"
        label={text('fieldDueOn')}
        value={props.values.dueOn ?? ''}
        required
      />
      <DateField
        name="doneOn"
        error={err('doneOn')}
        id={`${props.prefix}doneOn`}
        lang={lang}
        precision="day"
        label={text('fieldDoneOn')}
        value={props.values.doneOn ?? ''}
      />
    </>
  );
}
