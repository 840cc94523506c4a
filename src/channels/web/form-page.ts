import type { Translate } from "../../i18n.ts";
import type { FormQuestion, FormView, PreviewView } from "../../use-cases/web-form.ts";
import { html, type Safe } from "./html.ts";
import { page, type PageInput } from "./page-layout.ts";

function itemRow(t: Translate, key: string, value: string, n: number, disabled: boolean): Safe {
  return html`<li class="item">
<input type="text" id="f-${key}-${n}" value="${value}" aria-label="${t("web-item-label", { number: n })}"${disabled ? html` disabled` : ""}>
<span class="item-tools">
<button type="button" class="tool up" aria-label="${t("web-item-up", { number: n })}"${disabled ? html` disabled` : ""}>↑</button>
<button type="button" class="tool down" aria-label="${t("web-item-down", { number: n })}"${disabled ? html` disabled` : ""}>↓</button>
<button type="button" class="tool remove" aria-label="${t("web-item-remove", { number: n })}"${disabled ? html` disabled` : ""}>✕</button>
</span>
</li>`;
}

function control(q: FormQuestion, t: Translate): Safe {
  const id = `f-${q.key}`;
  const described = `h-${q.key} s-${q.key} e-${q.key}`;
  const off = q.editable ? "" : html` disabled`;
  const text = q.input.text ?? "";
  switch (q.type) {
    case "long_text":
      return html`<textarea id="${id}" rows="8" aria-describedby="${described}" data-max="${q.maxLength}"${off}>${text}</textarea>
<p class="count" id="c-${q.key}" aria-live="off">${t("web-count", { length: text.length, max: q.maxLength })}</p>`;
    case "document_ref":
      return html`<textarea id="${id}" rows="3" aria-describedby="${described}" data-max="${q.maxLength}"${off}>${text}</textarea>`;
    case "number":
      return html`<input type="text" inputmode="decimal" id="${id}" value="${text}" aria-describedby="${described}" autocomplete="off"${off}>`;
    case "date":
      return html`<input type="text" inputmode="numeric" id="${id}" value="${text}" placeholder="${t("web-date-placeholder")}" aria-describedby="${described}" autocomplete="off"${off}>`;
    case "list": {
      const items = q.input.items && q.input.items.length > 0 ? q.input.items : [""];
      return html`<ol class="items" id="${id}" data-max-items="${q.maxItems}">${items.map((item, i) => itemRow(t, q.key, item, i + 1, !q.editable))}</ol>
<button type="button" class="add"${off}>${t("web-item-add")}</button>`;
    }
    case "yes_no":
    case "single_choice":
      return html`<div class="options">${q.options.map(
        (o, i) => html`<label class="option" for="${id}-${i}"><input type="radio" name="${q.key}" id="${id}-${i}" value="${o.key}"${q.input.choice === o.key ? html` checked` : ""}${off}> <span>${o.label}</span></label>`,
      )}</div>`;
    case "multiple_choice":
      return html`<div class="options">${q.options.map(
        (o, i) => html`<label class="option" for="${id}-${i}"><input type="checkbox" name="${q.key}" id="${id}-${i}" value="${o.key}"${(q.input.choices ?? []).includes(o.key) ? html` checked` : ""}${off}> <span>${o.label}</span></label>`,
      )}</div>`;
    default:
      return html`<input type="text" id="${id}" value="${text}" aria-describedby="${described}" autocomplete="off"${off}>`;
  }
}

/** Controls that group several inputs get a fieldset and legend; a single input gets a label. */
const GROUPED = new Set(["list", "yes_no", "single_choice", "multiple_choice"]);

function questionBlock(q: FormQuestion, t: Translate, returnComment: string | null): Safe {
  const title = html`<span class="number">${t("web-question-number", { number: q.number })}</span> ${q.prompt}${q.required ? html` <span class="required">${t("web-required")}</span>` : ""}`;
  const about = html`<div class="about" id="h-${q.key}">
<p class="help">${q.help}</p>
${q.example ? html`<p class="example">${t("web-example", { example: q.example })}</p>` : ""}
<p class="hint">${q.hint}</p>
</div>`;
  const comment = q.returned ? html`<p class="office-comment"><strong>${t("web-returned-label")}</strong> ${returnComment ?? "—"}</p>` : "";
  const last = q.lastPeriod && q.editable
    ? html`<button type="button" class="keep-last" data-last="${JSON.stringify(q.lastPeriod)}">${t("web-keep-last")}</button>`
    : "";
  const status = html`<p class="saved" id="s-${q.key}" aria-live="polite">${q.skipped ? t("web-skipped") : q.savedBy ?? ""}</p>
<p class="understood" id="u-${q.key}" aria-live="polite"></p>
<p class="error" id="e-${q.key}" role="alert"></p>
<div class="conflict" id="x-${q.key}" hidden></div>`;
  const classes = ["q", q.returned ? "returned" : "", q.editable ? "" : "readonly"].filter(Boolean).join(" ");
  const data = html`data-key="${q.key}" data-type="${q.type}" data-revision="${q.revision}" data-required="${q.required ? "1" : "0"}"`;
  if (GROUPED.has(q.type)) {
    return html`<fieldset class="${classes}" id="q-${q.key}" ${data} aria-describedby="h-${q.key}">
<legend>${title}</legend>
${comment}${about}${control(q, t)}${last}${status}
</fieldset>`;
  }
  return html`<div class="${classes}" id="q-${q.key}" ${data}>
<label class="legend" for="f-${q.key}">${title}</label>
${comment}${about}${control(q, t)}${last}${status}
</div>`;
}

function header(view: Pick<FormView, "unitName" | "roundLabel" | "status">, t: Translate, extra: Safe | string = ""): Safe {
  return html`<header class="top">
<p class="brand">${t("web-brand")}</p>
<h1>${view.unitName}</h1>
<p class="meta">${t("web-round", { round: view.roundLabel })}</p>
<p class="meta">${t("web-status", { status: view.status })}</p>
${extra}
</header>`;
}

/** The reporter's form: every question, grouped by section, saved as typed. */
export function formPage(view: FormView, input: PageInput): string {
  const { t } = input;
  const strings = {
    saving: t("web-saving"),
    offline: t("web-save-failed"),
    item: t("web-item-label", { number: "{n}" }),
    up: t("web-item-up", { number: "{n}" }),
    down: t("web-item-down", { number: "{n}" }),
    remove: t("web-item-remove", { number: "{n}" }),
    count: t("web-count", { length: "{length}", max: "{max}" }),
    tooManyItems: t("answer-error-too-many-items", { count: "{count}", max: "{max}" }),
    yours: t("web-conflict-yours"),
    theirs: t("web-conflict-theirs"),
    keepMine: t("web-conflict-keep-mine"),
    takeTheirs: t("web-conflict-take-theirs"),
  };
  const body = html`<main class="form" data-save="${input.base}/answer" data-strings="${JSON.stringify(strings)}">
${header(view, t, html`<p class="meta">${t("web-deadline", { deadline: view.deadline })}</p>
<p class="progress" id="progress">${t("web-progress", { answered: view.answered, total: view.total })}</p>`)}
${view.locked ? html`<p class="notice">${view.locked}</p>` : ""}
${view.returnComment ? html`<p class="notice returned-notice"><strong>${t("web-returned-title")}</strong> ${view.returnComment}</p>` : ""}
<p class="autosave">${t("web-autosave")}</p>
<div class="answers">
${view.sections.map(
  (section) => html`<section class="section"><h2>${section.heading}</h2>
${section.questions.map((q) => questionBlock(q, t, view.returnComment))}
</section>`,
)}
<div class="actions"><a class="button primary" id="to-preview" href="${input.base}/preview">${t("web-to-preview")}</a></div>
</div>
<p class="global-status" id="global-status" role="status" aria-live="polite"></p>
</main>`;
  return page({ locale: input.locale, title: `${view.unitName} — ${t("web-brand")}`, body, assets: input.assets, script: input.assets.formJs });
}

/** The unit's part of the report in its own wording, then submit. */
export function previewPage(view: PreviewView, input: PageInput & { message?: string; done?: boolean }): string {
  const { t } = input;
  const body = html`<main class="preview">
${header(view, t)}
${input.message ? html`<p class="notice${input.done ? " done" : ""}" role="status">${input.message}</p>` : ""}
<h2>${t("web-preview-title")}</h2>
<p class="hint">${t("web-preview-intro")}</p>
<article class="report">
${view.sections.length === 0 ? html`<p>${t("web-preview-empty")}</p>` : ""}
${view.sections.map(
  (section) => html`<section class="report-section depth-${Math.min(section.depth, 3)}">
<h3>${[section.number, section.heading].filter(Boolean).join(" ")}</h3>
${section.paragraphs.map((p) => html`<p>${p}</p>`)}
</section>`,
)}
</article>
<p class="note">${view.note}</p>
<div class="actions">
${view.canSubmit
  ? html`<form method="post" action="${input.base}/submit"><input type="hidden" name="version" value="${view.version}"><button type="submit" class="primary">${t(view.resubmit ? "button-resubmit" : "button-submit")}</button></form>`
  : ""}
<a class="button" href="${input.base}">${t("web-back-to-form")}</a>
</div>
</main>`;
  return page({ locale: input.locale, title: `${t("web-preview-title")} — ${view.unitName}`, body, assets: input.assets });
}

/** A person who answers for several units: one link each. */
export function choicePage(choices: { submissionId: number; unitName: string; status: string }[], input: PageInput): string {
  const { t } = input;
  const body = html`<main class="choices">
<header class="top"><p class="brand">${t("web-brand")}</p><h1>${t("web-choose-unit")}</h1></header>
<ul class="unit-list">${choices.map((c) => html`<li><a class="button" href="${input.base}/s/${c.submissionId}">${c.unitName}<span class="sub">${c.status}</span></a></li>`)}</ul>
</main>`;
  return page({ locale: input.locale, title: t("web-brand"), body, assets: input.assets });
}
