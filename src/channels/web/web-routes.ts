import type { Context, Hono, Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { LinkKind } from "../../domain/link-token.ts";
import { translatorFor, type Locale } from "../../i18n.ts";
import type { Logger } from "../../logger.ts";
import type { UseCaseContext, UseCaseDeps } from "../../use-cases/context.ts";
import { enterByLink, enterMiniApp, type WebEntry } from "../../use-cases/web-access.ts";
import { deskCompile, deskExport, deskOverride, deskRemind, deskView, isDeskRefusal } from "../../use-cases/web-desk.ts";
import { formChoices, formView, isRefusal, previewView, saveField, submitForm, type FieldInput, type Refusal } from "../../use-cases/web-form.ts";
import type { OpenedLink } from "../../web-links/web-links.ts";
import { deskPage, miniAppPage } from "./desk-page.ts";
import { choicePage, formPage, previewPage } from "./form-page.ts";
import { messagePage, type PageInput } from "./page-layout.ts";
import { loadAssets, type Assets } from "./web-assets.ts";

export type WebRoutesOptions = {
  deps: UseCaseDeps;
  logger: Logger;
  /** The Telegram bot's token: the key Mini App start data is checked with. Absent: no Mini App. */
  botToken?: string;
};

// Scripts and styles only from this server; framing only by Telegram's web client (the Mini App).
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self' https://web.telegram.org",
].join("; ");

// An answer is at most a list of 50 items of 2,000 characters: far under this.
const MAX_SAVE_BYTES = 1024 * 1024;
const MAX_FORM_BYTES = 256 * 1024;

async function secureHeaders(c: Context, next: Next): Promise<void> {
  await next();
  c.header("content-security-policy", CSP);
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "no-referrer");
  // Pages carry a person's link and answers: never stored by a browser or proxy cache.
  if (!c.req.path.startsWith("/assets/")) c.header("cache-control", "no-store");
}

const REASON_STATUS = { forged: 403, expired: 410, "wrong-page": 403, "no-person": 410, "not-your-unit": 403, "not-found": 404 } as const;

function refusalPage(c: Context, assets: Assets, locale: Locale, reason: keyof typeof REASON_STATUS, text?: string) {
  const t = translatorFor(locale);
  return c.html(
    messagePage({ locale, title: t("web-brand"), heading: t(`web-refused-${reason}-title`), text: text ?? t(`web-refused-${reason}`), assets: assets.paths }),
    REASON_STATUS[reason],
  );
}

function sidOf(c: Context): number | null {
  const value = Number(c.req.param("sid"));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** What the page sends for a field: only the shapes it can hold, anything else empty. */
function fieldInput(raw: unknown): FieldInput {
  const value = (raw ?? {}) as Record<string, unknown>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((x): x is string => typeof x === "string").slice(0, 1000) : undefined);
  return {
    ...(typeof value.text === "string" ? { text: value.text } : {}),
    ...(strings(value.items) ? { items: strings(value.items) } : {}),
    ...(typeof value.choice === "string" ? { choice: value.choice } : {}),
    ...(strings(value.choices) ? { choices: strings(value.choices) } : {}),
  };
}

function download(c: Context, file: { fileName: string; bytes: Uint8Array; contentType: string }) {
  c.header("content-type", file.contentType);
  c.header("content-disposition", `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return c.body(new Uint8Array(file.bytes));
}

/** The report form, the office's desk and the Telegram Mini App entry, on the bot's HTTP server. */
export function webRoutes(options: WebRoutesOptions): (app: Hono) => void {
  const { deps, logger } = options;
  const assets = loadAssets();
  return (app) => {
    for (const prefix of ["/form/*", "/desk/*", "/tg", "/tg/*", "/assets/*"]) app.use(prefix, secureHeaders);
    app.get("/assets/:file", (c) => {
      const asset = assets.files.get(c.req.param("file"));
      if (!asset) return c.text("not found", 404);
      c.header("content-type", asset.contentType);
      // The path carries the content's hash: a changed file is a new address.
      c.header("cache-control", c.req.query("v") === asset.hash ? "public, max-age=31536000, immutable" : "no-cache");
      return c.body(asset.bytes);
    });

    const enter = async (c: Context, kind: LinkKind): Promise<WebEntry> => enterByLink(deps, c.req.param("token") ?? "", kind);

    // The reporter's form.
    app.get("/form/:token", async (c) => {
      const entry = await enter(c, "form");
      if (!entry.ok) return refusalPage(c, assets, entry.locale, entry.reason);
      const choices = await formChoices(entry.ctx, entry.link);
      const base = `/form/${c.req.param("token")}`;
      if (choices.length === 1) return c.redirect(`${base}/s/${choices[0]!.submissionId}`, 303);
      if (choices.length === 0) return refusalPage(c, assets, entry.ctx.caller.locale, "not-your-unit", entry.ctx.t("conversation-not-a-reporter"));
      return c.html(choicePage(choices, { locale: entry.ctx.caller.locale, t: entry.ctx.t, assets: assets.paths, base }));
    });
    // A page of one submission (the form, its preview): the link checked, the view built, or a refusal page.
    const submissionPage =
      <V extends object>(
        load: (ctx: UseCaseContext, link: OpenedLink, sid: number) => Promise<V | Refusal | null>,
        render: (view: V, input: PageInput) => string,
      ) =>
      async (c: Context) => {
        const entry = await enter(c, "form");
        if (!entry.ok) return refusalPage(c, assets, entry.locale, entry.reason);
        const sid = sidOf(c);
        const view = sid === null ? null : await load(entry.ctx, entry.link, sid);
        if (!view) return refusalPage(c, assets, entry.ctx.caller.locale, "not-found");
        if (isRefusal(view)) return refusalPage(c, assets, entry.ctx.caller.locale, view.refused, view.message);
        const base = `/form/${c.req.param("token")}/s/${sid}`;
        return c.html(render(view, { locale: entry.ctx.caller.locale, t: entry.ctx.t, assets: assets.paths, base }));
      };
    app.get("/form/:token/s/:sid", submissionPage(formView, formPage));
    app.post("/form/:token/s/:sid/answer", bodyLimit({ maxSize: MAX_SAVE_BYTES, onError: (c) => c.json({ status: "invalid", message: "too large" }, 413) }), async (c) => {
      const entry = await enter(c, "form");
      if (!entry.ok) return c.json({ status: "refused", message: translatorFor(entry.locale)(`web-refused-${entry.reason}`) }, REASON_STATUS[entry.reason]);
      const sid = sidOf(c);
      const body = (await c.req.json().catch(() => null)) as { q?: unknown; revision?: unknown; input?: unknown } | null;
      if (sid === null || !body || typeof body.q !== "string" || typeof body.revision !== "number" || !Number.isSafeInteger(body.revision)) {
        return c.json({ status: "refused", message: entry.ctx.t("web-bad-request") }, 400);
      }
      const outcome = await saveField(entry.ctx, entry.link, sid, body.q, body.revision, fieldInput(body.input));
      return c.json(outcome, outcome.status === "refused" ? 403 : outcome.status === "conflict" ? 409 : outcome.status === "invalid" ? 422 : 200);
    });
    app.get("/form/:token/s/:sid/preview", submissionPage(previewView, previewPage));
    app.post("/form/:token/s/:sid/submit", bodyLimit({ maxSize: MAX_FORM_BYTES }), async (c) => {
      const entry = await enter(c, "form");
      if (!entry.ok) return refusalPage(c, assets, entry.locale, entry.reason);
      const sid = sidOf(c);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const version = Number(form.version);
      if (sid === null || !Number.isSafeInteger(version)) return refusalPage(c, assets, entry.ctx.caller.locale, "not-found");
      const result = await submitForm(entry.ctx, entry.link, sid, version);
      if (isRefusal(result)) return refusalPage(c, assets, entry.ctx.caller.locale, result.refused, result.message);
      const view = await previewView(entry.ctx, entry.link, sid);
      if (isRefusal(view)) return refusalPage(c, assets, entry.ctx.caller.locale, view.refused, view.message);
      const base = `/form/${c.req.param("token")}/s/${sid}`;
      return c.html(previewPage(view, { locale: entry.ctx.caller.locale, t: entry.ctx.t, assets: assets.paths, base, message: result.message, done: result.ok }), result.ok ? 200 : 409);
    });

    // The office's desk.
    const desk = async (c: Context, message?: string) => {
      const entry = await enter(c, "desk");
      if (!entry.ok) return refusalPage(c, assets, entry.locale, entry.reason);
      const view = await deskView(entry.ctx, entry.link);
      if (isDeskRefusal(view)) return refusalPage(c, assets, entry.ctx.caller.locale, "not-your-unit", view.message);
      return c.html(deskPage(view, { locale: entry.ctx.caller.locale, t: entry.ctx.t, assets: assets.paths, base: `/desk/${c.req.param("token")}`, message }));
    };
    app.get("/desk/:token", (c) => desk(c));
    app.post("/desk/:token/:action", bodyLimit({ maxSize: MAX_FORM_BYTES }), async (c) => {
      const entry = await enter(c, "desk");
      if (!entry.ok) return refusalPage(c, assets, entry.locale, entry.reason);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const { ctx, link } = entry;
      switch (c.req.param("action")) {
        case "remind": {
          const unit = Number(form.unit);
          return desk(c, await deskRemind(ctx, link, Number.isSafeInteger(unit) && unit > 0 ? unit : null));
        }
        case "compile": {
          const file = await deskCompile(ctx, link, { includeDrafts: form.drafts === "1", attribution: form.attribution === "1" });
          return file.ok ? download(c, file) : desk(c, file.message);
        }
        case "export": {
          const file = await deskExport(ctx, link);
          return file.ok ? download(c, file) : desk(c, file.message);
        }
        case "override": {
          const section = typeof form.section === "string" ? form.section : "";
          const text = form.drop === "1" ? null : typeof form.text === "string" ? form.text : "";
          return desk(c, await deskOverride(ctx, link, section, text));
        }
        default:
          return c.text("not found", 404);
      }
    });

    // Telegram's Mini App: the page reads the start data Telegram puts in its address and trades it for a link.
    app.get("/tg", (c) => {
      const locale = deps.defaultLocale;
      const to = c.req.query("to") === "desk" ? "desk" : "form";
      return c.html(miniAppPage({ locale, t: translatorFor(locale), assets: assets.paths, to }));
    });
    app.post("/tg/session", bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const body = (await c.req.json().catch(() => null)) as { initData?: unknown; to?: unknown } | null;
      const t = translatorFor(deps.defaultLocale);
      if (!options.botToken) return c.json({ message: t("web-refused-forged") }, 404);
      if (!body || typeof body.initData !== "string" || body.initData.length > 8192) return c.json({ message: t("web-miniapp-forged") }, 400);
      const entry = await enterMiniApp(deps, options.botToken, body.initData, body.to === "desk" ? "desk" : "form");
      if (!entry.ok) {
        logger.info({ reason: entry.reason }, "a Mini App start was refused");
        return c.json({ message: translatorFor(entry.locale)(`web-miniapp-${entry.reason}`) }, entry.reason === "forged" ? 403 : entry.reason === "expired" ? 410 : 404);
      }
      return c.json({ path: entry.path });
    });
  };
}
