import type { Locale, Translate } from "../../i18n.ts";
import type { DeskView } from "../../use-cases/web-desk.ts";
import { html } from "./html.ts";
import { page, type AssetPaths, type PageInput as LayoutInput } from "./page-layout.ts";

type PageInput = LayoutInput & { message?: string };

/** The office's desk: the round's table, reminders, compile and download, the secretary's texts, CSV. */
export function deskPage(view: DeskView, input: PageInput): string {
  const { t, base } = input;
  const body = html`<main class="desk">
<header class="top">
<p class="brand">${t("web-desk-brand")}</p>
<h1>${view.title}</h1>
<p class="meta">${t("web-deadline", { deadline: view.deadline })}</p>
<p class="meta summary">${view.summary}</p>
</header>
${input.message ? html`<p class="notice" role="status">${input.message}</p>` : ""}
<section class="desk-section">
<h2>${t("web-desk-units")}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("web-desk-units")}">
<table class="units">
<thead><tr><th scope="col">${t("web-desk-unit")}</th><th scope="col">${t("web-desk-state")}</th><th scope="col">${t("web-desk-last-change")}</th><th scope="col">${t("web-desk-reachable")}</th>${view.canRemind ? html`<th scope="col"><span class="visually-hidden">${t("web-desk-remind")}</span></th>` : ""}</tr></thead>
<tbody>
${view.rows.map(
  (row) => html`<tr class="status-${row.status.toLowerCase()}" data-unit="${row.unitId}">
<th scope="row">${row.name}</th>
<td data-label="${t("web-desk-state")}"><span class="state">${row.state}</span> <span class="sub">${row.progress}</span></td>
<td data-label="${t("web-desk-last-change")}">${row.lastChange}</td>
<td data-label="${t("web-desk-reachable")}">${row.reachable ? t("web-desk-yes") : html`<span class="warn">${t("web-desk-no")}</span>`}${row.reach ? html`<span class="sub">${row.reach}</span>` : ""}</td>
${view.canRemind
  ? html`<td>${row.remindable
      ? html`<form method="post" action="${base}/remind"><input type="hidden" name="unit" value="${row.unitId}"><button type="submit" class="small" aria-label="${t("web-desk-remind-unit", { unit: row.name })}">${t("web-desk-remind")}</button></form>`
      : ""}</td>`
  : ""}
</tr>`,
)}
</tbody>
</table>
</div>
${view.canRemind && view.remindableCount > 0
  ? html`<form method="post" action="${base}/remind" class="actions"><button type="submit">${t("web-desk-remind-all", { count: view.remindableCount })}</button></form>`
  : ""}
</section>
${view.canCompile
  ? html`<section class="desk-section">
<h2>${t("web-desk-compile")}</h2>
<form method="post" action="${base}/compile" class="stack">
<label class="option" for="drafts"><input type="checkbox" id="drafts" name="drafts" value="1"> <span>${t("web-desk-with-drafts")}</span></label>
<label class="option" for="attribution"><input type="checkbox" id="attribution" name="attribution" value="1"> <span>${t("web-desk-attribution")}</span></label>
<button type="submit" class="primary">${t("web-desk-compile-button")}</button>
</form>
</section>`
  : ""}
${view.canEdit
  ? html`<section class="desk-section">
<h2>${t("web-desk-overrides")}</h2>
<p class="hint">${t("web-desk-overrides-help")}</p>
${view.overrides.length > 0
  ? html`<ul class="overrides">${view.overrides.map(
      (o) => html`<li><span>${o.label} — ${t("web-desk-override-version", { version: o.version, by: o.by })}</span>
<form method="post" action="${base}/override"><input type="hidden" name="section" value="${o.key}"><input type="hidden" name="drop" value="1"><button type="submit" class="small">${t("web-desk-override-drop")}</button></form></li>`,
    )}</ul>`
  : ""}
<form method="post" action="${base}/override" class="stack">
<label for="section">${t("web-desk-section")}</label>
<select id="section" name="section">${view.sections.map((s) => html`<option value="${s.key}">${s.label}</option>`)}</select>
<label for="override-text">${t("web-desk-override-text")}</label>
<textarea id="override-text" name="text" rows="6"></textarea>
<button type="submit">${t("web-desk-override-save")}</button>
</form>
</section>`
  : ""}
${view.canExport
  ? html`<section class="desk-section">
<h2>${t("web-desk-export")}</h2>
<form method="post" action="${base}/export"><button type="submit">${t("web-desk-export-button")}</button></form>
</section>`
  : ""}
</main>`;
  return page({ locale: input.locale, title: `${t("web-desk-brand")} — ${view.title}`, body, assets: input.assets });
}

/** The Mini App's first page: its script sends Telegram's start data and follows the answer. */
export function miniAppPage(input: { locale: Locale; t: Translate; assets: AssetPaths; to: string }): string {
  const { t } = input;
  const body = html`<main class="message" data-to="${input.to}" data-failed="${t("web-miniapp-failed")}">
<h1>${t("web-brand")}</h1>
<p id="miniapp-status" role="status">${t("web-miniapp-opening")}</p>
</main>`;
  return page({ locale: input.locale, title: t("web-brand"), body, assets: input.assets, script: input.assets.miniAppJs });
}
