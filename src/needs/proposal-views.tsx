import { ErrorSummary, FieldError, FormError, SelectField, TextArea } from '../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../http/layout.tsx';
import type { FieldErrors } from '../http/request.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { ProposalValues } from './forms.ts';
import { type NeedsKey, needsText } from './messages.ts';
import type { ProposalRow } from './proposals.ts';

type Option = { value: string; label: string };
const word = (lang: Language, key: string) => needsText(lang)(key as NeedsKey);

/** A status change the proposals made ("proposal:<id>:<what>"), in words; null for a note a person wrote. */
export function proposalNote(lang: Language, note: string): string | null {
  const what = /^proposal:\d+:(pending|accepted|declined|withdrawn)$/.exec(note)?.[1];
  return what ? word(lang, `note-${what}`) : null;
}

function ownerOf(row: ProposalRow, lang: Language, labels: ReferenceLabels) {
  if (row.proposal.donorPartyCode) return labels.partyName(row.proposal.donorPartyCode, lang);
  return row.agency ? textIn(row.agency.name, lang) : '—';
}

export type PageForms = {
  proposal?: { values: ProposalValues; errors: FieldErrors };
  decision?: { proposal: number; errors: FieldErrors };
  /** The proposing side's change of text or withdrawal that was refused, to show again open. */
  edit?: { proposal: number; values: { text: string }; errors: FieldErrors };
  withdraw?: { proposal: number; values: { note: string }; errors: FieldErrors };
};

const tagOf: Record<string, string> = { accepted: 'success', declined: 'danger', withdrawn: 'muted' };

/** A need's proposals, the Member's answers to pending ones, and the donor's form to propose help. */
export function ProposalsSection(props: {
  page: PageContext;
  labels: ReferenceLabels;
  needId: number;
  proposals: ProposalRow[];
  manages: boolean;
  proposing: { owners: Option[]; offers: Option[] } | null;
  /** The proposals this account speaks for: it may change a pending one's text or withdraw it. */
  speaksFor: number[];
  forms: PageForms;
}) {
  const { page, labels, needId, forms } = props;
  const { lang } = page;
  const text = needsText(lang);
  const inWords = (errors: FieldErrors) =>
    Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, word(lang, key)]));
  const proposalErrors = forms.proposal?.errors ?? {};
  const proposalError = (name: string) =>
    proposalErrors[name] ? word(lang, proposalErrors[name]) : undefined;
  return (
    <>
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{text('proposalsTitle')}</h2>
        {props.proposals.length === 0 ? <p>{text('noProposals')}</p> : null}
        <ol class="proposals">
          {props.proposals.map((row) => {
            const { proposal } = row;
            const decisionErrors = forms.decision?.proposal === proposal.id ? forms.decision.errors : {};
            const formId = `proposal-${proposal.id}`;
            return (
              <li id={formId}>
                <p>
                  <strong>
                    {text('proposedBy', {
                      who: ownerOf(row, lang, labels),
                      date: formatDate(lang, proposal.createdAt.toISOString()) ?? '',
                    })}
                  </strong>{' '}
                  ·{' '}
                  <span class={`tag tag-${tagOf[proposal.status] ?? 'warning'}`}>
                    {word(lang, `proposal-${proposal.status}`)}
                  </span>
                  {proposal.isSample ? (
                    <>
                      {' '}
                      <span class="sample-badge">{text('proposalSample')}</span>
                    </>
                  ) : null}
                </p>
                <p lang={proposal.language}>{proposal.text}</p>
                {proposal.editedAt ? (
                  <p class="muted">
                    {text('proposalEditedOn', {
                      date: formatDate(lang, proposal.editedAt.toISOString()) ?? '',
                    })}
                  </p>
                ) : null}
                {row.offer?.id ? (
                  <p>
                    {text('withOffer')}{' '}
                    <a href={`/${lang}/offers/${row.offer.id}`} lang={row.offer.language}>
                      {row.offer.title}
                    </a>
                  </p>
                ) : null}
                {proposal.decisionNote ? <p class="muted">{proposal.decisionNote}</p> : null}
                {proposal.status === 'withdrawn' && proposal.withdrawnAt ? (
                  <p>
                    {text('withdrawnOn', {
                      date: formatDate(lang, proposal.withdrawnAt.toISOString()) ?? '',
                    })}
                    {proposal.withdrawalNote ? (
                      <>
                        {' '}
                        <span class="muted">{proposal.withdrawalNote}</span>
                      </>
                    ) : null}
                  </p>
                ) : null}
                {props.speaksFor.includes(proposal.id) ? (
                  <DonorActions page={page} needId={needId} row={row} forms={forms} />
                ) : null}
                {props.manages && proposal.status === 'pending' ? (
                  <form
                    method="post"
                    action={`/${lang}/needs/${needId}/proposals/${proposal.id}`}
                    class="stacked"
                    novalidate
                    aria-label={text('answerProposal')}
                  >
                    <CsrfField page={page} />
                    <ErrorSummary
                      page={page}
                      errors={inWords(decisionErrors)}
                      targets={{ decision: `${formId}-note` }}
                    />
                    <TextArea
                      id={`${formId}-note`}
                      name="note"
                      label={text('decisionNote')}
                      rows={2}
                      maxLength={1000}
                      error={decisionErrors.note ? word(lang, decisionErrors.note) : undefined}
                    />
                    <div class="actions">
                      <button type="submit" name="decision" value="accepted">
                        {text('accept')}
                      </button>{' '}
                      <button type="submit" name="decision" value="declined" class="secondary">
                        {text('decline')}
                      </button>
                    </div>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
      {props.proposing ? (
        <section aria-labelledby="propose-title">
          <h2 id="propose-title">{text('proposeTitle')}</h2>
          <p>{text('proposeIntro')}</p>
          <form method="post" action={`/${lang}/needs/${needId}/proposals`} class="stacked" novalidate>
            <CsrfField page={page} />
            <ErrorSummary
              page={page}
              errors={inWords(proposalErrors)}
              labels={{ owner: text('proposeFor'), text: text('proposalText'), offer: text('proposalOffer') }}
            />
            <SelectField
              name="owner"
              label={text('proposeFor')}
              options={props.proposing.owners}
              value={forms.proposal?.values.owner}
              error={proposalError('owner')}
            />
            <TextArea
              name="text"
              label={text('proposalText')}
              value={forms.proposal?.values.text}
              rows={4}
              maxLength={4000}
              error={proposalError('text')}
            />
            {props.proposing.offers.length ? (
              <SelectField
                name="offer"
                label={text('proposalOffer')}
                options={props.proposing.offers}
                emptyLabel={text('noOffer')}
                value={forms.proposal?.values.offer}
                error={proposalError('offer')}
              />
            ) : (
              <>
                <input type="hidden" name="offer" value="" />
                <FieldError id="offer-error" message={proposalError('offer')} />
              </>
            )}
            <button type="submit">{text('submitProposal')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/**
 * The proposing side's actions on its proposal: change the text while it waits for the Member's
 * answer, withdraw it while it is pending or accepted (a confirmation step with an optional note).
 */
function DonorActions(props: { page: PageContext; needId: number; row: ProposalRow; forms: PageForms }) {
  const { page, needId, row, forms } = props;
  const { proposal } = row;
  const { lang } = page;
  const text = needsText(lang);
  const base = `/${lang}/needs/${needId}/proposals/${proposal.id}`;
  const id = `proposal-${proposal.id}`;
  const edit = forms.edit?.proposal === proposal.id ? forms.edit : null;
  const withdraw = forms.withdraw?.proposal === proposal.id ? forms.withdraw : null;
  const message = (errors: FieldErrors | undefined, field: string) =>
    errors?.[field] ? word(lang, errors[field]) : undefined;
  const live = proposal.status === 'pending' || proposal.status === 'accepted';
  return (
    <div class="actions">
      {proposal.status === 'pending' ? (
        <details class="confirm" open={Boolean(edit)}>
          <summary class="button secondary">{text('editProposal')}</summary>
          <form method="post" action={`${base}/edit`} class="stacked confirm-body" novalidate>
            <CsrfField page={page} />
            <input type="hidden" name="version" value={String(proposal.version)} />
            <FormError page={page} message={message(edit?.errors, 'form')} />
            <TextArea
              id={`${id}-text`}
              name="text"
              label={text('proposalText')}
              value={edit?.values.text ?? proposal.text}
              rows={4}
              maxLength={4000}
              error={message(edit?.errors, 'text')}
            />
            <button type="submit">{text('saveProposalText')}</button>
          </form>
        </details>
      ) : null}{' '}
      {live ? (
        <details class="confirm confirm-warning" open={Boolean(withdraw)}>
          <summary class="button warning">{text('withdrawProposal')}</summary>
          <div class="confirm-body">
            <p>{text('withdrawQuestion')}</p>
            <form method="post" action={`${base}/withdraw`} class="stacked" novalidate>
              <CsrfField page={page} />
              <input type="hidden" name="version" value={String(proposal.version)} />
              <FormError page={page} message={message(withdraw?.errors, 'form')} />
              <TextArea
                id={`${id}-withdrawal`}
                name="note"
                label={text('withdrawalNote')}
                value={withdraw?.values.note}
                rows={2}
                maxLength={1000}
                error={message(withdraw?.errors, 'note')}
              />
              <button type="submit" class="warning">
                {text('confirmWithdraw')}
              </button>
            </form>
          </div>
        </details>
      ) : null}
    </div>
  );
}
