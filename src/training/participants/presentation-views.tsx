import { FieldError } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { ParticipantAccess } from '../access.ts';
import { DateTime, errorMessage } from '../components.tsx';
import type { ParticipantPageFailure } from './forms.ts';
import { participantsText } from './messages.ts';
import type { ParticipantDetail } from './service.ts';

/** The office presentation: download for the three who may see it, upload for the participant and coordinator. */
export function PresentationSection(props: {
  page: PageContext;
  base: string;
  access: ParticipantAccess;
  detail: ParticipantDetail;
  failure?: ParticipantPageFailure | undefined;
}) {
  const { lang } = props.page;
  const text = participantsText(lang);
  const files = props.detail.files.filter((f) => f.kind === 'office-presentation');
  const error =
    props.failure?.form === 'presentation' ? errorMessage(lang, props.failure.errors.file, text) : undefined;
  return (
    <section aria-labelledby="presentation-heading">
      <h2 id="presentation-heading">{text('presentationHeading')}</h2>
      {files.length === 0 ? <p>{text('noPresentation')}</p> : null}
      <ul>
        {files.map((file) => (
          <li>
            <a href={`${props.base}/files/${file.id}`}>{file.fileName}</a> (
            {text('kilobytes', { size: formatNumber(lang, Math.ceil(file.sizeBytes / 1024)) })},{' '}
            <DateTime lang={lang} value={file.uploadedAt} />)
          </li>
        ))}
      </ul>
      {props.access.asSelf || props.access.asCoordinator ? (
        <form
          method="post"
          action={`${props.base}/presentation`}
          enctype="multipart/form-data"
          class="stacked"
          novalidate
        >
          <CsrfField page={props.page} />
          <label for="presentation-file">{text('uploadPresentation')}</label>
          <p class="hint" id="presentation-file-hint">
            {text('presentationHint')}
          </p>
          <input
            id="presentation-file"
            name="file"
            type="file"
            accept=".pdf,.pptx,.odp,.ppt,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.oasis.opendocument.presentation,application/vnd.ms-powerpoint"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={
              error ? 'presentation-file-hint presentation-file-error' : 'presentation-file-hint'
            }
          />
          <FieldError id="presentation-file-error" message={error} />
          <button type="submit">{text('upload')}</button>
        </form>
      ) : null}
    </section>
  );
}
