import type { Locale, Translate } from "../../i18n.ts";
import { html, type Safe } from "./html.ts";

/** Versioned asset paths: a new build changes the query, so browsers never mix old and new files. */
export type AssetPaths = { css: string; formJs: string; miniAppJs: string };

/** What a page of the form or the desk is drawn with: the reader's language, the assets, the page's own address. */
export type PageInput = { locale: Locale; t: Translate; assets: AssetPaths; base: string };

/** A whole page: Vietnamese or English, phone-first, the project's own stylesheet and script only. */
export function page(input: { locale: Locale; title: string; body: Safe; assets: AssetPaths; script?: string }): string {
  return html`<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${input.title}</title>
<link rel="stylesheet" href="${input.assets.css}">
${input.script ? html`<script src="${input.script}" defer></script>` : ""}
</head>
<body>
${input.body}
</body>
</html>`.value;
}

/** A page with one message: a link that is forged, expired, or not this person's. */
export function messagePage(input: { locale: Locale; title: string; heading: string; text: string; assets: AssetPaths }): string {
  return page({
    locale: input.locale,
    title: input.title,
    assets: input.assets,
    body: html`<main class="message"><h1>${input.heading}</h1><p>${input.text}</p></main>`,
  });
}
