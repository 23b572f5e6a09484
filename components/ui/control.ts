// Shared look of text-like controls so inputs, textareas and selects line up in forms.
// `aria-invalid` drives the error style, so wiring accessibility also wires the visuals.
export const controlClassName =
  "w-full rounded-control border border-border-strong bg-surface px-3 text-sm text-fg shadow-xs transition-colors " +
  "hover:border-fg-subtle focus-visible:border-ring " +
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-fg-muted " +
  "aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:outline-danger";
