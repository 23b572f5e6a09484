import { cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

export type FormFieldProps = {
  label: ReactNode;
  /** The control's id; also the prefix of the hint and error ids. */
  htmlFor: string;
  /** Validation message (e.g. `errors.login?.message` from react-hook-form). */
  error?: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

type ControlAria = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

export const fieldHintId = (htmlFor: string) => `${htmlFor}-hint`;
export const fieldErrorId = (htmlFor: string) => `${htmlFor}-error`;

/**
 * The attributes a control needs so screen readers announce its hint, its error and that it
 * is invalid/required:
 *   - `aria-describedby` lists the hint and error ids (only those rendered);
 *   - `aria-invalid` is set only while there is an error (it also drives the red border);
 *   - `aria-required` rather than `required`, so zod, not the browser's native bubble in the
 *     browser's language, owns the validation message. Add `required` yourself if wanted.
 * FormField applies these automatically to a single child element. For a compound control
 * (e.g. an input inside a wrapper with a button) spread them on the real control yourself:
 *   <FormField …><div><Input {...fieldControlProps("q", { error })} /><Button/></div></FormField>
 */
export function fieldControlProps(
  htmlFor: string,
  { error, hint, required }: { error?: ReactNode; hint?: ReactNode; required?: boolean } = {},
): ControlAria {
  const describedBy = [hint ? fieldHintId(htmlFor) : null, error ? fieldErrorId(htmlFor) : null].filter(Boolean).join(" ");
  return {
    id: htmlFor,
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };
}

function isSingleControl(node: ReactNode): node is ReactElement<Record<string, unknown>> {
  return isValidElement(node) && node.type !== Fragment && typeof node.type !== "symbol";
}

export function FormField({ label, htmlFor, error, hint, required, className, children }: FormFieldProps) {
  const aria = fieldControlProps(htmlFor, { error, hint, required });
  const control = isSingleControl(children) ? withMissingProps(children, aria) : children;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={htmlFor} required={required}>
        {label}
      </Label>
      {control}
      {hint && (
        <p id={fieldHintId(htmlFor)} className="text-xs text-fg-muted">
          {hint}
        </p>
      )}
      {error && (
        // role="alert" so the message is announced as soon as validation fails.
        <p id={fieldErrorId(htmlFor)} role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

// Attributes the caller set explicitly on the control win over the computed ones; an
// explicit `undefined` (common with optional props) does not count as set.
function withMissingProps(element: ReactElement<Record<string, unknown>>, props: ControlAria) {
  const missing = Object.fromEntries(Object.entries(props).filter(([key]) => element.props[key] === undefined));
  return cloneElement(element, missing);
}
