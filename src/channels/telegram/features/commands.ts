import { Composer } from "grammy";
import { COMMAND_HANDLERS } from "../../../use-cases/handlers.ts";
import { setDefaultCommands } from "../commands-menu.ts";
import type { BotContext } from "../context.ts";
import { respond } from "../respond.ts";

/** The commands the use cases answer, each handed over with its arguments. */
export const commandsFeature = new Composer<BotContext>();

// The default menu is set once per bot instance (its botInfo object), on its first update.
const menusSet = new WeakSet<object>();
commandsFeature.use(async (ctx, next) => {
  if (!menusSet.has(ctx.me)) {
    menusSet.add(ctx.me);
    await setDefaultCommands(ctx.api, ctx.deps.defaultLocale).catch((error) => ctx.logger.warn({ err: error }, "could not set the default commands menu"));
  }
  await next();
});

commandsFeature.chatType("private").command(Object.keys(COMMAND_HANDLERS), async (ctx) => {
  const name = ctx.msg.text.slice(1).split(/[\s@]/)[0]!.toLowerCase();
  await respond(ctx, { kind: "command", name, args: ctx.match });
});
