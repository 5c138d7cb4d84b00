import { Layout, type PageContext } from '../../http/layout.tsx';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { ChangesBody } from './components.tsx';
import type { SnapshotDiff } from './diff.ts';
import { versionText } from './messages.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

export type VersionRef = { id: number; label: string; symbol: string | null };

/** GET /{lang}/reports/{id}/changes?from=&to=: two published versions of one report compared. */
export function ChangesPage(
  props: Common & {
    reportName: string;
    from: VersionRef;
    to: VersionRef;
    diff: SnapshotDiff;
    narrativeLang: string;
  },
) {
  const { page, from, to } = props;
  const text = versionText(page.lang);
  const name = (v: VersionRef) => (v.symbol ? `${v.label} (${v.symbol})` : v.label);
  const title = text('changesTitle', { from: name(from), to: name(to) });
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p>
        {text('changesIntro', { report: props.reportName })}{' '}
        <a href={`/${page.lang}/reports/${from.id}`}>{name(from)}</a> ·{' '}
        <a href={`/${page.lang}/reports/${to.id}`}>{name(to)}</a>
      </p>
      <ChangesBody page={page} labels={props.labels} diff={props.diff} level={2} lang={props.narrativeLang} />
    </Layout>
  );
}
