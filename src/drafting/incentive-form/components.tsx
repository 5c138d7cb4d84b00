import { ConfirmAction, SpreadsheetUploadForm } from '../../http/form-fields.tsx';
import type { PageContext } from '../../http/layout.tsx';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { IncentiveRow } from '../../reports/incentives/service.ts';
import { taxonomyLabel } from '../../reports/incentives/taxonomy.ts';
import { draftPath } from '../components.tsx';
import { draftText, draftText as sheetText } from '../draft/messages.ts';
import { incentiveText } from './messages.ts';

/** The incentives of an Article 66.2 draft on its page: each with its type, beneficiaries, edit and remove. */
export function IncentivesSection(props: {
  page: PageContext;
  labels: ReferenceLabels;
  reportId: number;
  incentives: IncentiveRow[];
  editable: boolean;
  /** Why the last spreadsheet upload was refused, shown at the file field. */
  uploadError?: string | undefined;
}) {
  const { page, labels, incentives } = props;
  const { lang } = page;
  const text = incentiveText(lang);
  const draft = draftText(lang);
  const base = draftPath(lang, props.reportId);
  return (
    <section aria-labelledby="incentives-title">
      <h2 id="incentives-title">{text('incentivesTitle')}</h2>
      <p>{text('incentivesIntro')}</p>
      {incentives.length === 0 ? <p>{text('noIncentives')}</p> : null}
      <ol class="drafted-activities">
        {incentives.map((incentive) => (
          <li>
            <h3>{incentive.title}</h3>
            <p class="muted">
              {taxonomyLabel(lang, 'type', incentive.incentiveType)} ·{' '}
              {taxonomyLabel(lang, 'specificity', incentive.ldcSpecificity)}
            </p>
            {incentive.beneficiaryCodes.length > 0 ? (
              <p>
                {text('fieldLdcBeneficiaries')}
                {page.t('colon')}{' '}
                {incentive.beneficiaryCodes.map((code) => labels.partyName(code, lang)).join(', ')}
              </p>
            ) : null}
            {props.editable ? (
              <div class="actions">
                <a
                  href={`${base}/incentives/${incentive.id}/edit`}
                  aria-label={`${draft('edit')} — ${incentive.title}`}
                >
                  {draft('edit')}
                </a>
                <ConfirmAction
                  page={page}
                  action={`${base}/incentives/${incentive.id}/remove`}
                  label={draft('removeStep')}
                  accessibleLabel={`${draft('remove')} — ${incentive.title}`}
                  question={draft('removeQuestion', { title: incentive.title })}
                  confirmLabel={draft('remove')}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {props.editable ? (
        <p>
          <a href={`${base}/incentives/new`}>{text('addIncentive')}</a>
        </p>
      ) : null}
      {props.editable ? (
        <>
          <h3 id="incentives-upload">{sheetText(lang)('spreadsheetTitle')}</h3>
          <p id="upload-hint">{text('spreadsheetIntro')}</p>
          <p>
            <a href={`${base}/incentives/template.xlsx`} download>
              {sheetText(lang)('downloadTemplate')}
            </a>
          </p>
          <SpreadsheetUploadForm
            page={page}
            action={`${base}/incentives/upload`}
            label={sheetText(lang)('uploadLabel')}
            button={sheetText(lang)('uploadButton')}
            hintId="upload-hint"
            error={props.uploadError}
          />
        </>
      ) : null}
    </section>
  );
}
