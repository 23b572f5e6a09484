"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { cn } from "./cn";

export type ToastVariant = "default" | "success" | "error";

export type ToastOptions = {
  title: string;
  description?: string;
  variant?: ToastVariant;
};

type ToastItem = ToastOptions & { id: number; open: boolean };

type ToastApi = {
  /** Shows a toast and returns its id (for `dismiss`). */
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

const variantClassName: Record<ToastVariant, string> = {
  default: "border-border",
  success: "border-l-4 border-border border-l-success",
  error: "border-l-4 border-border border-l-danger",
};

// Errors stay longer: the user usually has to read them to decide what to do next.
const durationMs: Record<ToastVariant, number> = { default: 5000, success: 4000, error: 8000 };

// Radix removes a toast from the screen on close; the item is dropped after its exit so the
// list does not grow forever on a long agent shift.
const removeDelayMs = 300;

let nextId = 1;

/** Mount once near the root, inside I18nProvider. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [items, setItems] = useState<ToastItem[]>([]);

  const dismiss = useCallback((id: number) => {
    setItems((all) => all.map((item) => (item.id === id ? { ...item, open: false } : item)));
    setTimeout(() => setItems((all) => all.filter((item) => item.id !== id)), removeDelayMs);
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    const id = nextId++;
    setItems((all) => [...all, { ...options, id, open: true }]);
    return id;
  }, []);

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      <ToastPrimitive.Provider swipeDirection="right" label={t("common.notification")}>
        {children}
        {items.map((item) => {
          const variant = item.variant ?? "default";
          return (
            <ToastPrimitive.Root
              key={item.id}
              open={item.open}
              onOpenChange={(open) => !open && dismiss(item.id)}
              duration={durationMs[variant]}
              // "foreground" is announced assertively: an error interrupts, a success does not.
              type={variant === "error" ? "foreground" : "background"}
              className={cn(
                "relative flex items-start gap-3 rounded-panel border bg-surface p-4 pr-10 shadow-lg",
                "data-[state=open]:animate-toast-in data-[state=closed]:animate-toast-out data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x)",
                variantClassName[variant],
              )}
            >
              <div className="flex flex-col gap-1">
                <ToastPrimitive.Title className="text-sm font-semibold text-fg">{item.title}</ToastPrimitive.Title>
                {item.description && (
                  <ToastPrimitive.Description className="text-sm text-fg-muted">{item.description}</ToastPrimitive.Description>
                )}
              </div>
              <ToastPrimitive.Close
                className="absolute top-3 right-3 inline-flex size-6 items-center justify-center rounded-control text-fg-muted hover:bg-surface-muted hover:text-fg"
                aria-label={t("common.close")}
              >
                <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true">
                  <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
                </svg>
              </ToastPrimitive.Close>
            </ToastPrimitive.Root>
          );
        })}
        <ToastPrimitive.Viewport
          // The message keeps its literal "{hotkey}": Radix fills it in (F8 jumps to toasts).
          label={t("common.notifications")}
          className="fixed right-0 bottom-0 z-[60] flex w-full max-w-sm flex-col gap-2 p-4"
        />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

/** `const { toast } = useToast(); toast({ title: t("common.saved"), variant: "success" })` */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}
