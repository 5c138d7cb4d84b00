import { SelectField, TextArea, TextField } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import type { FieldErrors } from '../../http/request.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { fieldErrorOf } from '../components.tsx';
import { trainingText } from '../messages.ts';
import type { editionSessions } from '../schema.ts';
import { sessionKinds } from './forms.ts';
import { editionsText } from './messages.ts';

type Session = typeof editionSessions.$inferSelect;
type SessionFailure = { sessionId: number | null; errors: FieldErrors; values: Record<string, string> };

/** Session fields; `idPrefix` keeps ids unique, as the page repeats the form for every session. */
function SessionFields(props: {
  page: PageContext;
  idPrefix: string;
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const err = fieldErrorOf(lang, props.errors, text);
  return (
    <>
      <TextField
        name="startsAt"
        error={err('startsAt')}
        id={`${props.idPrefix}startsAt`}
        type="datetime-local"
        label={text('fieldStartsAt')}
        value={props.values.startsAt ?? ''}
      />
      <TextField
        name="title"
        error={err('title')}
        id={`${props.idPrefix}title`}
        label={text('fieldSessionTitle')}
        value={props.values.title ?? ''}
        required
      />
      <SelectField
        name="kind"
        error={err('kind')}
        id={`${props.idPrefix}kind`}
        label={text('fieldKind')}
        value={props.values.kind ?? ''}
        emptyLabel=""
        required
        options={sessionKinds.map((kind) => ({ value: kind, label: text(`kind-${kind}`) }))}
      />
      <TextArea
        name="speakers"
        error={err('speakers')}
        id={`${props.idPrefix}speakers`}
        label={text('fieldSpeakers')}
        hint={text('onePerLine')}
        rows={2}
        value={props.values.speakers ?? ''}
      />
    </>
  );
}

export function AgendaSection(props: {
  page: PageContext;
  base: string;
  sessions: Session[];
  failure?: SessionFailure | undefined;
}) {
  const text = editionsText(props.page.lang);
  const shared = trainingText(props.page.lang);
  const failure = props.failure;
  const failedNew = failure && failure.sessionId === null ? failure : undefined;
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{text('agendaHeading')}</h2>
      {props.sessions.length === 0 ? <p>{text('noSessions')}</p> : null}
      <ol>
        {props.sessions.map((session) => {
          const failed = failure?.sessionId === session.id ? failure : undefined;
          const values = failed?.values ?? {
            startsAt: session.startsAt ?? '',
            title: session.title,
            kind: session.kind,
            speakers: session.speakers.join('\n'),
          };
          return (
            <li>
              <strong>{session.title}</strong> — {text(`kind-${session.kind}`)}
              {session.startsAt ? ` · ${formatDateTime(props.page.lang, session.startsAt)}` : ''}
              {session.speakers.length ? ` · ${session.speakers.join(', ')}` : ''}
              <details open={!!failed}>
                <summary>{text('editSession')}</summary>
                <form
                  method="post"
                  action={`${props.base}/sessions/${session.id}`}
                  class="stacked"
                  novalidate
                >
                  <CsrfField page={props.page} />
                  <SessionFields
                    page={props.page}
                    idPrefix={`s${session.id}-`}
                    values={values}
                    errors={failed?.errors}
                  />
                  <button type="submit">{shared('save')}</button>
                </form>
              </details>
              <form method="post" action={`${props.base}/sessions/${session.id}/remove`} class="inline">
                <CsrfField page={props.page} />
                <button type="submit">{text('removeSession', { title: session.title })}</button>
              </form>
            </li>
          );
        })}
      </ol>
      <h3>{text('addSession')}</h3>
      <form method="post" action={`${props.base}/sessions`} class="stacked" novalidate>
        <CsrfField page={props.page} />
        <SessionFields
          page={props.page}
          idPrefix="new-"
          values={failedNew?.values ?? {}}
          errors={failedNew?.errors}
        />
        <button type="submit">{text('addSession')}</button>
      </form>
    </section>
  );
}
