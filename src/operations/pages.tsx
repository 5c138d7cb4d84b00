import { Layout, type PageContext } from '../http/layout.tsx';
import { operationsText } from '../http/messages.ts';

type Key = Parameters<ReturnType<typeof operationsText>>[0];

/** A short page saying why a request was not served; `reference` is the request id, for the logs. */
export function OperationsPage(props: {
  page: PageContext;
  title: Key;
  text: Key;
  params?: Record<string, string | number>;
  reference?: string;
}) {
  const text = operationsText(props.page.lang);
  return (
    <Layout page={props.page} title={text(props.title)}>
      <h1>{text(props.title)}</h1>
      <p>{text(props.text, props.params)}</p>
      {props.reference ? <p class="hint">{text('errorReference', { id: props.reference })}</p> : null}
    </Layout>
  );
}
