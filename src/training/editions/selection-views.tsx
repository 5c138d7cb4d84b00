import { FormError } from '../../http/form-fields.tsx';
import { CsrfField, type PageContext } from '../../http/layout.tsx';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { Edition } from '../access.ts';
import { personName } from '../components.tsx';
import { trainingText } from '../messages.ts';
import { erasedName } from '../privacy.ts';
import type { nominations } from '../schema.ts';
import { editionsText } from './messages.ts';

type Nomination = typeof nominations.$inferSelect;

/** Candidates with the coordinator's ranking and decision buttons; every personal detail is theirs to see. */
export function NominationsSection(props: {
  page: PageContext;
  labels: ReferenceLabels;
  base: string;
  edition: Edition;
  nominations: Nomination[];
  seatsTaken: number;
  failure?: { nominationId: number; message: string } | undefined;
}) {
  const { lang } = props.page;
  const text = editionsText(lang);
  const shared = trainingText(lang);
  const capacity = props.edition.capacity;
  return (
    <section aria-labelledby="nominations-heading">
      <h2 id="nominations-heading">{text('nominationsHeading')}</h2>
      <p>
        {capacity === null
          ? text('noCapacity', { taken: props.seatsTaken })
          : text('seatsTaken', { taken: props.seatsTaken, capacity })}
      </p>
      <FormError page={props.page} message={props.failure?.message} />
      {props.nominations.length === 0 ? (
        <p>{text('noNominations')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{text('colRank')}</th>
                <th scope="col">{shared('colCandidate')}</th>
                <th scope="col">{shared('colParty')}</th>
                <th scope="col">{text('colContact')}</th>
                <th scope="col">{shared('colStatus')}</th>
                <th scope="col">{text('colDecision')}</th>
              </tr>
            </thead>
            <tbody>
              {props.nominations.map((n) => {
                // Every row repeats the same buttons: each names its candidate for those who list them out of the table.
                const candidate = <span class="visually-hidden">{personName(n.candidateName, lang)}</span>;
                return (
                  <tr id={`nomination-${n.id}`}>
                    <td>{n.rank ?? '—'}</td>
                    <td>
                      <strong>{personName(n.candidateName, lang)}</strong>
                      <br />
                      {n.position}, {n.office}
                      <details>
                        <summary>{shared('motivation')}</summary>
                        <p>{n.motivation}</p>
                        <p>
                          {shared('genderLabel')}:{' '}
                          {n.gender ? shared(`gender-${n.gender}`) : shared('notStated')} ·{' '}
                          {n.consentPublicName ? shared('consentYes') : shared('consentNo')} ·{' '}
                          {n.nominatedBy ? text('viaFocalPoint') : text('viaPublicForm')}
                          {n.nominatorName ? ` (${n.nominatorName}, ${n.nominatorEmail ?? ''})` : ''}
                        </p>
                        {n.status !== 'selected' && n.candidateName !== erasedName ? (
                          <form method="post" action={`/${lang}/training/nominations/${n.id}/erase`}>
                            <CsrfField page={props.page} />
                            <input type="checkbox" id={`erase-${n.id}`} name="confirm" value="yes" required />{' '}
                            <label for={`erase-${n.id}`}>
                              {shared('eraseConfirm', { name: n.candidateName })}
                            </label>{' '}
                            <button type="submit">
                              {shared('eraseData')} {candidate}
                            </button>
                          </form>
                        ) : null}
                      </details>
                    </td>
                    <td>{props.labels.partyName(n.partyCode, lang)}</td>
                    <td>
                      <a href={`mailto:${n.email}`}>{n.email}</a>
                      {n.phone ? (
                        <>
                          <br />
                          {n.phone}
                        </>
                      ) : null}
                    </td>
                    <td>{shared(`nomination-${n.status}`)}</td>
                    <td>
                      {n.status === 'withdrawn' ? (
                        text('withdrawnByOffice')
                      ) : (
                        <form method="post" action={`/${lang}/training/nominations/${n.id}/decision`}>
                          <CsrfField page={props.page} />
                          <label for={`rank-${n.id}`}>
                            {text('colRank')} {candidate}
                          </label>{' '}
                          <input
                            id={`rank-${n.id}`}
                            name="rank"
                            type="number"
                            min="1"
                            max="999"
                            value={n.rank === null ? '' : String(n.rank)}
                          />{' '}
                          <button type="submit" name="decision" value="rank">
                            {text('decisionRank')} {candidate}
                          </button>{' '}
                          {/* Only the decisions that would change something are offered. */}
                          {n.status === 'selected' ? null : (
                            <>
                              <button type="submit" name="decision" value="select">
                                {text('decisionSelect')} {candidate}
                              </button>{' '}
                            </>
                          )}
                          {n.status === 'waitlisted' ? null : (
                            <>
                              <button type="submit" name="decision" value="waitlist">
                                {text('decisionWaitlist')} {candidate}
                              </button>{' '}
                            </>
                          )}
                          {n.status === 'declined' ? null : (
                            <button type="submit" name="decision" value="decline">
                              {text('decisionDecline')} {candidate}
                            </button>
                          )}
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
