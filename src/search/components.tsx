import type { PageContext } from '../http/layout.tsx';

/** The search box, on the home page and atop the results: a plain GET form. */
export function SearchBox(props: { page: PageContext; q?: string }) {
  const { t, lang } = props.page;
  return (
    <form class="search" method="get" action={`/${lang}/search`} role="search">
      <label for="q">{t('searchLabel')}</label>
      <br />
      <input type="search" id="q" name="q" value={props.q ?? ''} maxlength={200} />{' '}
      <button type="submit">{t('searchButton')}</button>
    </form>
  );
}
