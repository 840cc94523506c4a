import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api } from "grammy";
import { createBot } from "../channels/telegram/create-bot.ts";
import { telegramSender } from "../channels/telegram/telegram-sender.ts";
import type { UseCaseDeps } from "../use-cases/context.ts";
import type { DemoChannel } from "./demo-channel.ts";
import { DemoChat } from "./demo-chat.ts";
import type { DemoConversation, DemoPerson } from "./demo-conversation.ts";
import { FakeBotApi } from "./local-bot-api.ts";

const BOT_USERNAME = "tong_hop_demo_bot";

/** The demo on Telegram: the bot long-polls a local Bot API server; people join with /start <code>. */
export function telegramDemoChannel(say: (person: DemoPerson, text: string) => void): DemoChannel & { token: string } {
  const token = `${7_000_000 + Math.floor(Math.random() * 999_999)}:demo`;
  const api = new FakeBotApi({ botInfo: { id: Number(token.split(":")[0]), username: BOT_USERNAME, first_name: "Tổng hợp" } });
  const chats = new Map<number, DemoChat>();
  let apiRoot = "";
  let runner: RunnerHandle | undefined;

  const channel: DemoChannel & { token: string } = {
    name: "telegram",
    token,
    inviteKind: "link",
    pace: { perChatMs: 50 },
    get describe() {
      return `máy chủ Bot API cục bộ ${apiRoot}`;
    },
    async start() {
      apiRoot = await api.start();
      api.onCall = (call, reply) => {
        if (call.method === "answerCallbackQuery") {
          for (const each of chats.values()) each.observe(call, reply);
          return;
        }
        const chat = chats.get(Number(call.payload.chat_id));
        const shown = chat?.observe(call, reply);
        if (chat && shown) channel.onShown?.({ chat, message: shown, edited: call.method.startsWith("edit") });
      };
    },
    senders: () => [telegramSender(new Api(token, { apiRoot }))],
    async startBot(deps: UseCaseDeps) {
      const bot = createBot(token, { apiRoot, deps });
      await bot.init();
      runner = run(bot);
    },
    chat(person: DemoPerson): DemoConversation {
      const chat = new DemoChat(api, person, say);
      chats.set(person.id, chat);
      return chat;
    },
    inviteNote: (role, code) => `npm run invite -- --role ${role} → https://t.me/${BOT_USERNAME}?start=${code}`,
    async join(chat, code) {
      await chat.send(`/start ${code}`);
      // The bot suggests the name in Vietnamese order; the person confirms it.
      await chat.press("Đúng");
    },
    messagesSent: () => api.callsOf("sendMessage").length + api.callsOf("editMessageText").length + api.callsOf("sendDocument").length,
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      await api.stop();
    },
  };
  return channel;
}
