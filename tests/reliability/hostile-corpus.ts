/**
 * Hostile network content (item 9): what a customer could put in a tweet, a DM, a comment or his
 * display name. Every payload that could run script tries to set `window.__relaisXss` or open a
 * dialog; a page that renders it as text does neither. Sized for X (280 characters, names 50).
 */
export const XSS_FLAG = "__relaisXss";

const run = `window.${XSS_FLAG}=1;alert(1)`;

export const hostileTexts: string[] = [
  `<script>${run}</script>`,
  `<img src=x onerror="${run}">`,
  `<svg onload="${run}"><circle r=10 /></svg>`,
  `<svg><script>${run}</script></svg>`,
  `<a href="javascript:${run}">click me</a>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `"><script>${run}</script>`,
  `'><img src=x onerror=${run}>`,
  `<div style="background:url(javascript:${run})">css</div>`,
  `<style>body{display:none}</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `{{constructor.constructor('${run}')()}}`,
  `\u202Eevil\u202C <b>bold</b> \u200Bzero\u200Bwidth \uFEFFbom`,
  "مرحبا بكم في خدمة العملاء — שלום — RTL mixed with LTR 123",
  "W".repeat(270),
  "😀".repeat(60) + "\u0301\u0301\u0301\u0301 z̷̢̛͓a̴̡͍l̶̨͔g̸̢͕o̵͍͠",
];

export const hostileNames: string[] = [
  `<img src=x onerror=${run}>`.slice(0, 50),
  `<script>${run}</script>`.slice(0, 50),
  "\u202Enimda\u202C",
  "N".repeat(50),
];
