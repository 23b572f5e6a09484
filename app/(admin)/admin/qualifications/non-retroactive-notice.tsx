/** The manual's warning, shown wherever statuses are listed or edited. */
export function NonRetroactiveNotice({ title, text }: { title: string; text: string }) {
  return (
    <div
      role="note"
      data-testid="non-retroactive-notice"
      className="rounded-panel border border-warning/30 bg-warning-soft p-3 text-sm text-warning-soft-fg"
    >
      <p className="font-semibold">{title}</p>
      <p>{text}</p>
    </div>
  );
}
