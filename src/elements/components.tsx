import { CsrfField, type PageContext } from '../http/layout.tsx';
import type { ActivityElement } from './service.ts';
import { type ElementCode, elementCodes, elementExplanation, elementName, elementsText } from './taxonomy.ts';

/** The interpretation sentence every page showing the elements carries. */
export function ElementsInterpretation(props: { page: PageContext }) {
  return <p class="note">{elementsText(props.page.lang)('interpretation')}</p>;
}

/** An activity's elements, each suggested one marked as such; "none" when there are none. */
export function ElementList(props: { page: PageContext; elements: ActivityElement[] }) {
  const { lang } = props.page;
  const text = elementsText(lang);
  if (props.elements.length === 0) return <p class="muted">{text('noElements')}</p>;
  const anySuggested = props.elements.some((element) => element.state === 'suggested');
  return (
    <>
      <ul class="elements">
        {props.elements.map((element) => (
          <li>
            {elementName(element.code, lang)}
            {element.state === 'suggested' ? <span class="muted"> ({text('suggested')})</span> : null}
          </li>
        ))}
      </ul>
      {anySuggested ? <p class="hint">{text('suggestedNote')}</p> : null}
    </>
  );
}

/** Checkboxes of the five elements, each with its one-line explanation (for the activity page and the draft form). */
export function ElementCheckboxes(props: {
  page: PageContext;
  checked: ElementCode[];
  name?: string;
  error?: string | undefined;
  /** A sentence under the legend (in the draft form); the legend is then the field's name. */
  hint?: string;
}) {
  const { lang } = props.page;
  const text = elementsText(lang);
  const name = props.name ?? 'elements';
  return (
    <fieldset aria-describedby={props.error ? `${name}-error` : undefined}>
      <legend>{props.hint ? text('elementsHeading') : text('elementsLegend')}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.error ? (
        <p class="field-error" id={`${name}-error`}>
          {props.error}
        </p>
      ) : null}
      {elementCodes.map((code) => (
        <div class="field field-checkbox">
          <input
            type="checkbox"
            id={`${name}-${code}`}
            name={name}
            value={code}
            checked={props.checked.includes(code)}
            aria-describedby={`${name}-${code}-hint`}
          />{' '}
          <label for={`${name}-${code}`}>{elementName(code, lang)}</label>
          <p class="hint" id={`${name}-${code}-hint`}>
            {elementExplanation(code, lang)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

/** The small form a reporter of the party or the Secretariat confirms or changes the elements with. */
export function ElementsForm(props: {
  page: PageContext;
  action: string;
  elements: ActivityElement[];
  checked?: ElementCode[];
  error?: string | undefined;
}) {
  const text = elementsText(props.page.lang);
  return (
    <form method="post" action={props.action} class="elements-form">
      <CsrfField page={props.page} />
      <ElementCheckboxes
        page={props.page}
        checked={props.checked ?? props.elements.map((element) => element.code)}
        error={props.error}
      />
      <button type="submit">{text('confirmElements')}</button>
    </form>
  );
}
