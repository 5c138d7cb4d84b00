import { FieldError, FormError, type FormErrors, invalidProps, Notice } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import { reviewText } from './messages.ts';

/** The symbol patterns of both series, each with the symbol it would give Canada's next report. */
export function SettingsPage(props: {
  page: PageContext;
  pattern: string;
  example: string | null;
  ttiPattern: string;
  ttiExample: string | null;
  errors?: FormErrors;
  notice?: string | null;
}) {
  const { page } = props;
  const text = reviewText(page.lang);
  const errors = props.errors ?? {};
  return (
    <Layout page={page} title={text('settingsTitle')}>
      <h1>{text('settingsTitle')}</h1>
      <Notice message={props.notice} />
      <FormError page={page} message={errors.form} />
      <form method="post" action={`/${page.lang}/secretariat/settings`} class="stacked" novalidate>
        <CsrfField page={page} />
        <label for="symbol_pattern">{text('symbolPattern')}</label>
        <p class="hint" id="symbol_pattern-hint">
          {text('symbolPatternHint')}
        </p>
        <input
          id="symbol_pattern"
          name="symbol_pattern"
          required
          value={props.pattern}
          size={40}
          {...invalidProps('symbol_pattern', errors.symbol_pattern, 'symbol_pattern-hint')}
        />
        <FieldError id="symbol_pattern-error" message={errors.symbol_pattern} />
        {props.example ? <p>{text('symbolExample', { example: props.example })}</p> : null}
        <label for="tti_symbol_pattern">{text('ttiSymbolPattern')}</label>
        <p class="hint" id="tti_symbol_pattern-hint">
          {text('ttiSymbolPatternHint')}
        </p>
        <input
          id="tti_symbol_pattern"
          name="tti_symbol_pattern"
          required
          value={props.ttiPattern}
          size={40}
          {...invalidProps('tti_symbol_pattern', errors.tti_symbol_pattern, 'tti_symbol_pattern-hint')}
        />
        <FieldError id="tti_symbol_pattern-error" message={errors.tti_symbol_pattern} />
        {props.ttiExample ? <p>{text('symbolExample', { example: props.ttiExample })}</p> : null}
        <button type="submit">{text('save')}</button>
      </form>
    </Layout>
  );
}
