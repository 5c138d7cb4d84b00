import { Layout, type PageContext } from '../../http/layout.tsx';
import { pickText } from '../../i18n/localized-text.ts';
import { counted } from '../../i18n/plural.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { erasedName } from '../privacy.ts';
import { alumniText } from './messages.ts';
import type { Alumnus } from './service.ts';

export function AlumniPage(props: { page: PageContext; labels: ReferenceLabels; alumni: Alumnus[] }) {
  const { lang } = props.page;
  const text = alumniText(lang);
  return (
    <Layout page={props.page} title={text('title')}>
      <h1>{text('title')}</h1>
      <p>{text('intro')}</p>
      {props.alumni.length === 0 ? (
        <p>{text('none')}</p>
      ) : (
        <>
          <p>
            {counted(text, lang, 'participantCount', props.alumni.length)} ·{' '}
            <a href={`/${lang}/training/alumni.csv`}>{text('download')}</a>
          </p>
          <div class="table-scroll">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{text('edition')}</th>
                  <th scope="col">{text('name')}</th>
                  <th scope="col">{text('office')}</th>
                  <th scope="col">{text('party')}</th>
                  <th scope="col">{text('completed')}</th>
                  <th scope="col">{text('certificate')}</th>
                </tr>
              </thead>
              <tbody>
                {props.alumni.map((person) => (
                  <tr>
                    <td>
                      {pickText(person.programmeName, lang).value} {person.editionYear}
                    </td>
                    <td>
                      <a href={`/${lang}/training/participants/${person.participantId}`}>
                        {person.name === erasedName ? text('erased') : person.name}
                      </a>
                      {person.isSample ? <span class="sample-badge">{text('sample')}</span> : null}
                      {person.position ? <div class="muted">{person.position}</div> : null}
                    </td>
                    <td>{person.office}</td>
                    <td>{props.labels.partyName(person.partyCode, lang)}</td>
                    <td>{person.completed ? text('yes') : text('no')}</td>
                    <td>
                      {person.certificateCode ? (
                        <a href={`/${lang}/certificates/${person.certificateCode}`}>{text('yes')}</a>
                      ) : (
                        text('no')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
