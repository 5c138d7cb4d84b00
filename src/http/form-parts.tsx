/** The message under a form control whose value was refused; the control points at it with aria-describedby. */
export function FieldError(props: { id: string; message?: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}
