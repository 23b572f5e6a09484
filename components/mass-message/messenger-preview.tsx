"use client";

import { useT } from "@/lib/i18n/client";
import type { MassMessageTemplate } from "@/db/schema/mass-messages";

/**
 * The message as Messenger shows it to the person: the page's text bubble, then the generic
 * template's card (image, title, subtitle, buttons stacked). Everything is rendered as text.
 */
export function MessengerPreview({
  pageName,
  recipient,
  text,
  template,
  post,
}: {
  pageName: string;
  recipient: string | null;
  text: string;
  template: (Omit<MassMessageTemplate, "subtitle" | "imageUrl"> & { subtitle?: string; imageUrl?: string }) | null;
  post: boolean;
}) {
  const t = useT();
  if (post)
    return (
      <div className="rounded-card border border-border bg-surface p-3 shadow-sm" data-testid="messenger-preview">
        <p className="text-sm font-semibold">{pageName}</p>
        <p className="text-xs text-fg-muted">{t("massMessage.pagePost")}</p>
        <p className="mt-2 whitespace-pre-wrap break-words text-sm">{text}</p>
      </div>
    );
  return (
    <div className="overflow-hidden rounded-card border border-border bg-white text-[#050505]" data-testid="messenger-preview">
      <div className="flex items-center gap-2 border-b border-[#e4e6eb] px-3 py-2">
        <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-[#0866ff] text-sm font-bold text-white">
          {pageName.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold">{pageName}</p>
          {recipient ? <p className="truncate text-xs text-[#65676b]">→ {recipient}</p> : null}
        </div>
      </div>
      <div className="space-y-2 bg-white p-3">
        {text ? (
          <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-[18px] bg-[#f0f0f0] px-3 py-2 text-[15px] leading-5">{text}</p>
        ) : null}
        {template ? (
          <div className="max-w-[85%] overflow-hidden rounded-[18px] border border-[#e4e6eb]">
            {template.imageUrl ? (
              // An admin-typed URL, shown as Messenger would fetch it; no referrer leaves Relais.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={template.imageUrl}
                alt=""
                referrerPolicy="no-referrer"
                className="aspect-[1.91/1] w-full bg-[#f0f2f5] object-cover"
              />
            ) : null}
            <div className="px-3 py-2">
              <p className="break-words text-[15px] font-semibold leading-5">{template.title}</p>
              {template.subtitle ? <p className="break-words text-[13px] text-[#65676b]">{template.subtitle}</p> : null}
            </div>
            {template.buttons.map((b, i) => (
              <a
                key={i}
                href={b.url}
                target="_blank"
                rel="noreferrer noopener"
                className="block border-t border-[#e4e6eb] px-3 py-2 text-center text-[15px] font-semibold text-[#0866ff]"
              >
                {b.title}
              </a>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
