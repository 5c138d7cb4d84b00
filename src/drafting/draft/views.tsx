import { Layout, type PageContext } from '../../http/layout.tsx';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { Grouped } from '../../reports/document/programme-groups.ts';
import type { ProgrammeDetail, ReportDocument } from '../../reports/document/report-document.ts';
import { draftPath, groupingKeys } from '../components.tsx';
import type { Grouping, ReportHeader } from '../report.ts';
import { NarrativeForm } from './components.tsx';
import { draftText } from './messages.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

/** Headings nest with the groups: level 3 under the details heading, then 4, at most 6. */
function DetailGroup(props: { group: Grouped<ProgrammeDetail>; depth: number }) {
  const { group, depth } = props;
  const Heading = `h${Math.min(depth, 6)}` as 'h3';
  const ProgrammeHeading = `h${Math.min(group.heading ? depth + 1 : depth, 6)}` as 'h4';
  return (
    <section>
      {group.heading ? <Heading>{group.heading}</Heading> : null}
      {group.programmes.map((programme) => (
        <article>
          <ProgrammeHeading>
            {programme.number}. {programme.title}
          </ProgrammeHeading>
          <dl class="fields">
            {programme.fields.map((field) => (
              <>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </>
            ))}
          </dl>
        </article>
      ))}
      {group.groups.map((inner) => (
        <DetailGroup group={inner} depth={group.heading ? depth + 1 : depth} />
      ))}
    </section>
  );
}

/** The report as its DOCX/PDF will read, as a web page: what the reporter checks before submitting. */
export function DocumentPreviewPage(props: {
  page: PageContext;
  reportId: number;
  document: ReportDocument;
  /** The language the narrative was written in (the rest is in the page's). */
  contentLanguage: string;
}) {
  const { page, document: doc } = props;
  const { lang } = page;
  const text = draftText(lang);
  return (
    <Layout page={page} title={`${text('previewTitle')}: ${doc.title}`}>
      <p>
        <a href={draftPath(lang, props.reportId)}>{text('backToDraft')}</a>
      </p>
      <p class="note">{text('previewIntro')}</p>
      <ul class="downloads">
        <li>
          <a href={`/${lang}/reports/${props.reportId}.docx`} download>
            {text('downloadDocx')}
          </a>
        </li>
        <li>
          <a href={`/${lang}/reports/${props.reportId}.pdf`} download>
            {text('downloadPdf')}
          </a>
        </li>
      </ul>
      <article class="report-document" aria-labelledby="document-title">
        <p>
          <strong>{doc.symbolLine}</strong>
          {doc.date ? <span> · {doc.date}</span> : null}
        </p>
        <p>{doc.original}</p>
        <p>{doc.council}</p>
        <h1 id="document-title">{doc.title}</h1>
        {doc.revision ? <p>{doc.revision}</p> : null}
        <p>{doc.subtitle}</p>
        <p>{doc.period}</p>
        {doc.revisionNote ? <p>{doc.revisionNote}</p> : null}
        {doc.corrections.length > 0 ? (
          <ol class="corrections">
            {doc.corrections.map((correction) => (
              <li>{correction}</li>
            ))}
          </ol>
        ) : null}
        {doc.introduction ? <p>{doc.introduction}</p> : null}
        {doc.scope === 'whole' ? (
          <ol class="narrative" lang={props.contentLanguage}>
            {doc.narrative.map((paragraph) => (
              <li>{paragraph}</li>
            ))}
          </ol>
        ) : (
          // An addendum's paragraphs keep the numbers they take in the report.
          doc.outline.map((block) => (
            <p lang={props.contentLanguage}>
              {block.number} {block.text}
            </p>
          ))
        )}
        {doc.scope === 'whole' || doc.annex.rows.length > 0 ? <h2>{doc.annex.heading}</h2> : null}
        {doc.scope !== 'whole' && doc.annex.rows.length === 0 ? null : doc.annex.rows.length === 0 ? (
          <p>{doc.annex.emptyText}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{doc.annex.caption}</caption>
              <thead>
                <tr>
                  {doc.annex.columns.map((column) => (
                    <th scope="col">{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {doc.annex.rows.map((row) => (
                  <tr>
                    <td>{row.number}</td>
                    <td>{row.title}</td>
                    <td>{row.start}</td>
                    <td>{row.beneficiaries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {doc.details.groups.length > 0 ? (
          <>
            <h2>{doc.details.heading}</h2>
            {doc.details.groups.map((group) => (
              <DetailGroup group={group} depth={3} />
            ))}
          </>
        ) : null}
      </article>
    </Layout>
  );
}

/** 409: the narrative changed since the form was opened; both versions, nothing overwritten. */
export function NarrativeConflictPage(
  props: Common & { current: ReportHeader; typedText: string; typedGrouping: Grouping },
) {
  const { page, labels, current } = props;
  const text = draftText(page.lang);
  return (
    <Layout page={page} title={text('conflictTitle')}>
      <h1>{text('conflictTitle')}</h1>
      <p role="alert">{text('conflictIntro')}</p>
      <div class="side-by-side">
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{text('yourVersion')}</h2>
          <NarrativeForm
            page={page}
            labels={labels}
            reportId={current.id}
            contentLanguage={current.originalLanguage}
            text={props.typedText}
            grouping={props.typedGrouping}
            version={current.version}
            submitLabel={text('saveMine')}
          />
        </section>
        <section aria-labelledby="stored-title">
          <h2 id="stored-title">{text('storedVersion', { version: current.version })}</h2>
          <ol class="narrative" lang={current.originalLanguage}>
            {current.narrative.map((paragraph) => (
              <li>{paragraph}</li>
            ))}
          </ol>
          <p>
            {text('groupingLabel')}: {text(groupingKeys[current.grouping])}
          </p>
        </section>
      </div>
      <p>
        <a href={draftPath(page.lang, current.id)}>{text('backToDraft')}</a>
      </p>
    </Layout>
  );
}
