"use client";

import { useEffect, useRef } from "react";

/**
 * The workspace's one way to put text into a conversation's reply box (predefined responses
 * today; anything later). Whoever owns the reply box subscribes with `useReplyInsert`; anyone
 * may call `insertIntoReplyBox`. A window event keeps the two sides independent components.
 */
const EVENT = "relais:reply-insert";
type Detail = { conversationId: number; text: string };

export function insertIntoReplyBox(conversationId: number, text: string): void {
  window.dispatchEvent(new CustomEvent<Detail>(EVENT, { detail: { conversationId, text } }));
}

/** Calls `onInsert(text)` for insertions aimed at this conversation's reply box. */
export function useReplyInsert(conversationId: number, onInsert: (text: string) => void): void {
  const handler = useRef(onInsert);
  useEffect(() => {
    handler.current = onInsert;
  });
  useEffect(() => {
    const listener = (e: Event) => {
      const d = (e as CustomEvent<Detail>).detail;
      if (d?.conversationId === conversationId) handler.current(d.text);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [conversationId]);
}

/**
 * Inserts `text` at the textarea's cursor (replacing a selection) and returns the new value and
 * caret; use with a controlled or react-hook-form field, then restore the caret.
 */
export function insertAtCursor(el: HTMLTextAreaElement | HTMLInputElement, text: string): { value: string; caret: number } {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const value = el.value.slice(0, start) + text + el.value.slice(end);
  return { value, caret: start + text.length };
}
